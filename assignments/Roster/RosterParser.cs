using System.Net.Mail;
using Course.Assignments.Validation;
using Course.Core.Errors;

namespace Course.Assignments.Roster;

/// <summary>Parses roster.csv, collecting every problem with its line number before anything is stored.</summary>
internal static class RosterParser
{
    public static IReadOnlyList<RosterRow> Parse(string path)
    {
        var rows = CsvFile.Read(path, ["login", "name", "email"], ["section", "github"]);
        var problems = new List<string>();
        var parsed = new List<RosterRow>();
        foreach (var (line, fields) in rows)
        {
            var login = fields["login"];
            var github = fields.GetValueOrDefault("github") is { Length: > 0 } g ? g : login;
            var email = fields["email"];
            if (!CourseValidator.IsLogin(login))
            {
                problems.Add($"{path}:{line}: login '{login}' is not a login (letters, digits, '-' or '_')");
            }

            if (!CourseValidator.IsLogin(github))
            {
                problems.Add($"{path}:{line}: github '{github}' is not a GitHub login");
            }

            if (string.IsNullOrWhiteSpace(fields["name"]))
            {
                problems.Add($"{path}:{line}: name is empty");
            }

            if (!IsEmail(email))
            {
                problems.Add($"{path}:{line}: email '{email}' is not an e-mail address");
            }

            parsed.Add(new RosterRow(line, login, fields["name"], email,
                fields.GetValueOrDefault("section") is { Length: > 0 } s ? s : null, github));
        }

        problems.AddRange(Duplicates(path, parsed, r => r.Login, "login"));
        problems.AddRange(Duplicates(path, parsed, r => r.Email.ToLowerInvariant(), "email"));
        problems.AddRange(Duplicates(path, parsed, r => r.GitHub.ToLowerInvariant(), "github"));
        return problems.Count == 0 ? parsed : throw new BadInputException(problems);
    }

    private static IEnumerable<string> Duplicates(string path, IEnumerable<RosterRow> rows, Func<RosterRow, string> key, string field) =>
        rows.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{path}:{g.Skip(1).First().Line}: {field} '{g.Key}' is already on line {g.First().Line}");

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && !value.EndsWith('.');
}
