using Course.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Course.Assignments.Roster;

/// <summary>
/// Imports roster.csv in one transaction: new students are added, known ones updated; nothing is
/// stored when any line is wrong. Students missing from the file are kept (grades reference them).
/// A new login may not be a team's name: a student without a team works as a team named by their login.
/// </summary>
internal sealed class RosterImporter(AssignmentsDbContext db) : IRosterImport
{
    public async Task<RosterImportReport> ImportAsync(string path, CancellationToken cancellation)
    {
        var rows = RosterParser.Parse(path);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var existing = await db.Students.ToDictionaryAsync(s => s.Login, StringComparer.Ordinal, cancellation);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Name, t.Assignment }).ToListAsync(cancellation);
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (!existing.ContainsKey(row.Login) && teams.FirstOrDefault(t => t.Name == row.Login) is { } team)
            {
                problems.Add($"{path}:{row.Line}: login '{row.Login}' is the name of team '{team.Name}' of {team.Assignment}; a login must differ from every team's name");
            }

            var clash = existing.Values.FirstOrDefault(s => s.Login != row.Login
                && (string.Equals(s.Email, row.Email, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(s.GitHub, row.GitHub, StringComparison.OrdinalIgnoreCase)));
            if (clash is not null)
            {
                problems.Add($"{path}:{row.Line}: e-mail or GitHub login of '{row.Login}' already belongs to enrolled student '{clash.Login}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException(problems);
        }

        var added = 0;
        var updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Login, out var student))
            {
                updated += student.Name != row.Name || student.Email != row.Email || student.Section != row.Section
                    || student.GitHub != row.GitHub ? 1 : 0;
                (student.Name, student.Email, student.Section, student.GitHub) = (row.Name, row.Email, row.Section, row.GitHub);
            }
            else
            {
                db.Students.Add(new Student { Login = row.Login, Name = row.Name, Email = row.Email, Section = row.Section, GitHub = row.GitHub });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        var inFile = rows.Select(r => r.Login).ToHashSet(StringComparer.Ordinal);
        return new RosterImportReport(added, updated, rows.Count - added - updated,
            existing.Keys.Where(login => !inFile.Contains(login)).Order(StringComparer.Ordinal).ToList());
    }
}
