using System.Globalization;
using Course.Core.Errors;

namespace Course.Grader.Grades.Projects;

/// <summary>
/// The <c>CONTRIBUTIONS</c> file at the root of a team's project repository: one line per member,
/// <c>login: percent</c> (a number 0..100, optionally followed by <c>%</c>); blank lines and lines starting
/// with <c>#</c> are ignored. Every member of the team is listed exactly once, nobody else, and the
/// percentages add up to 100. Every problem is reported with its line, and then nothing is taken.
/// </summary>
internal static class ContributionsFile
{
    public const string Name = "CONTRIBUTIONS";

    private const int MaxBytes = 64 * 1024;

    /// <summary>Reads the file from a submission's snapshot folder.</summary>
    public static IReadOnlyDictionary<string, double> Read(string snapshot, IReadOnlyList<string> members, string team)
    {
        var path = Path.Combine(snapshot, Name);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            throw new BadInputException($"{Name}: the submitted snapshot of team {team} has no {Name} file at its root");
        }

        if (info.Length > MaxBytes)
        {
            throw new BadInputException($"{Name}: {info.Length} bytes, more than {MaxBytes}");
        }

        return Parse(File.ReadAllText(path), members, team);
    }

    public static IReadOnlyDictionary<string, double> Parse(string text, IReadOnlyList<string> members, string team)
    {
        var problems = new List<string>();
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var where = $"{Name}:{i + 1}";
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problems.Add($"{where}: '{line}' is not 'login: percent'");
                continue;
            }

            var login = line[..colon].Trim();
            var number = line[(colon + 1)..].Trim().TrimEnd('%').TrimEnd();
            if (!members.Contains(login, StringComparer.Ordinal))
            {
                problems.Add($"{where}: '{login}' is not a member of team {team} ({string.Join(", ", members)})");
            }
            else if (shares.ContainsKey(login))
            {
                problems.Add($"{where}: {login} is listed twice");
            }
            else if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            {
                problems.Add($"{where}: '{line[(colon + 1)..].Trim()}' is not a percentage between 0 and 100");
            }
            else
            {
                shares[login] = percent;
            }
        }

        problems.AddRange(members.Where(m => !shares.ContainsKey(m)).Select(m => $"{Name}: {m} of team {team} is not listed"));
        if (problems.Count == 0 && Math.Abs(shares.Values.Sum() - 100) > 0.01)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Name}: the percentages add up to {shares.Values.Sum():0.##}, not 100"));
        }

        return problems.Count > 0 ? throw new BadInputException(problems) : shares;
    }
}
