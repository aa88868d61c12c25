using System.Globalization;
using Course.Core.Errors;
using Course.Credits.Csv;
using Course.Credits.Issuing;

namespace Course.Credits.Cli;

/// <summary>Final standings from a CSV, one row per member: <c>rank,team,login</c>.</summary>
internal static class WinnersFile
{
    private static readonly StaffCsv.Column[] Columns =
        [new("rank", true, "rank"), new("team", true, "team"), new("login", true, "login")];

    public static IReadOnlyList<PrizeWinner> Read(string path)
    {
        var rows = StaffCsv.Read(path, Columns);
        var problems = new List<string>();
        var members = new List<(int Rank, string Team, string Login)>();
        foreach (var row in rows)
        {
            if (!int.TryParse(row["rank"], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
            {
                problems.Add($"{path}:{row.Line}: rank '{row["rank"]}' is not a positive whole number");
            }
            else if (string.IsNullOrWhiteSpace(row["team"]) || string.IsNullOrWhiteSpace(row["login"]))
            {
                problems.Add($"{path}:{row.Line}: team and login are required");
            }
            else
            {
                members.Add((rank, row["team"]!, row["login"]!));
            }
        }

        foreach (var team in members.GroupBy(m => m.Team).Where(g => g.Select(m => m.Rank).Distinct().Count() > 1))
        {
            problems.Add($"{path}: team '{team.Key}' has more than one rank");
        }

        return problems.Count > 0
            ? throw new BadInputException(problems)
            : members.GroupBy(m => (m.Rank, m.Team)).OrderBy(g => g.Key.Rank)
                .Select(g => new PrizeWinner(g.Key.Rank, g.Key.Team, g.Select(m => m.Login).ToList())).ToList();
    }
}
