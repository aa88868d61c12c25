using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Course.Assignments.Teams;

/// <summary>
/// Teams of team assignments: import from CSV, form at random, read. A team's name is never an enrolled
/// student's login, which names that student's team of one (see <see cref="IRoster"/>).
/// </summary>
internal sealed class TeamService(AssignmentsDbContext db, ICourseProvider course) : ITeams
{
    /// <summary>The teams of <paramref name="assignment"/>, by name.</summary>
    public async Task<TeamPlan> ReadAsync(string assignment, CancellationToken cancellation)
    {
        var members = await db.TeamMembers.Where(m => m.Assignment == assignment).ToListAsync(cancellation);
        var teams = await db.Teams.Where(t => t.Assignment == assignment).ToListAsync(cancellation);
        return new TeamPlan(teams.ToDictionary(t => t.Name,
            t => (IReadOnlyList<string>)members.Where(m => m.TeamId == t.Id).Select(m => m.Login).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal));
    }

    public async Task<int> ImportAsync(string path, CancellationToken cancellation)
    {
        var rows = CsvFile.Read(path, ["assignment", "team", "login"], []);
        var logins = await db.Students.Select(s => s.Login).ToHashSetAsync(StringComparer.Ordinal, cancellation);
        var placed = await db.TeamMembers.ToDictionaryAsync(m => (m.Assignment, m.Login), m => m.TeamId, cancellation);
        var problems = new List<string>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (line, fields) in rows)
        {
            var (assignment, team, login) = (fields["assignment"], fields["team"], fields["login"]);
            if (course.Course.FindAssignment(assignment) is not { TeamSize: not null })
            {
                problems.Add($"{path}:{line}: '{assignment}' is not a team assignment of this course");
            }

            if (!logins.Contains(login))
            {
                problems.Add($"{path}:{line}: '{login}' is not an enrolled student (import the roster first)");
            }

            if (string.IsNullOrWhiteSpace(team))
            {
                problems.Add($"{path}:{line}: team is empty");
            }
            else if (logins.Contains(team))
            {
                problems.Add($"{path}:{line}: team '{team}' is the login of an enrolled student; a team's name must differ from every login");
            }

            if (seen.TryGetValue((assignment, login), out var first))
            {
                problems.Add($"{path}:{line}: '{login}' is already in a team of {assignment} on line {first}");
            }
            else if (placed.TryGetValue((assignment, login), out var teamId) && teamId != TeamId(assignment, team))
            {
                problems.Add($"{path}:{line}: '{login}' is already in team {teamId}");
            }

            seen.TryAdd((assignment, login), line);
        }

        foreach (var group in rows.GroupBy(r => (r.Fields["assignment"], r.Fields["team"])))
        {
            if (course.Course.FindAssignment(group.Key.Item1)?.TeamSize is { } size && group.Count() > size.Max)
            {
                problems.Add($"{path}: team '{group.Key.Item2}' of {group.Key.Item1} has {group.Count()} members, more than {size.Max}");
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var added = 0;
        foreach (var (_, fields) in rows)
        {
            added += await AddMemberAsync(fields["assignment"], fields["team"], fields["login"], cancellation) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return added;
    }

    public async Task<TeamPlan> FormAsync(string assignment, int seed, CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        var size = spec.TeamSize ?? throw new BadInputException($"assignment '{assignment}' is individual work (no teamSize)");
        var existing = await ReadAsync(assignment, cancellation);
        var placed = existing.Members.ToHashSet(StringComparer.Ordinal);
        var logins = await db.Students.Select(s => s.Login).ToListAsync(cancellation);
        var plan = TeamFormer.Form(existing, logins.Where(l => !placed.Contains(l)).ToList(), size, seed, reserved: logins);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        foreach (var (team, members) in plan.Teams)
        {
            foreach (var login in members.Where(l => !placed.Contains(l)))
            {
                await AddMemberAsync(assignment, team, login, cancellation);
            }
        }

        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return plan;
    }

    private async Task<bool> AddMemberAsync(string assignment, string name, string login, CancellationToken cancellation)
    {
        var id = TeamId(assignment, name);
        if (await db.Teams.FindAsync([id], cancellation) is null)
        {
            db.Teams.Add(new Team { Id = id, Assignment = assignment, Name = name });
        }

        if (await db.TeamMembers.FindAsync([assignment, login], cancellation) is not null)
        {
            return false;
        }

        db.TeamMembers.Add(new TeamMember { TeamId = id, Assignment = assignment, Login = login });
        return true;
    }

    private static string TeamId(string assignment, string name) => $"{assignment}/{name}";
}
