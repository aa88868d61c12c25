using Course.Assignments.Roster;
using Course.Core.Errors;

namespace Course.Credits.Issuing;

/// <summary>
/// The students and teams codes go to, from the assignments module's <see cref="IRoster"/> (read only),
/// with errors that say what to import.
/// </summary>
internal sealed class Recipients(IRoster roster)
{
    public Task<IReadOnlyList<RosterStudent>> StudentsAsync(CancellationToken cancellation) => roster.StudentsAsync(cancellation);

    public async Task<RosterStudent> StudentAsync(string login, CancellationToken cancellation) =>
        await roster.StudentAsync(login, cancellation)
        ?? throw new NotFoundException($"student '{login}' is not on the roster (import it with 'grader roster import')");

    /// <summary>The given logins, all of which must be on the roster; the error lists every unknown one.</summary>
    public async Task<IReadOnlyDictionary<string, RosterStudent>> StudentsAsync(IEnumerable<string> logins, string context,
        CancellationToken cancellation)
    {
        var wanted = logins.Distinct(StringComparer.Ordinal).ToList();
        var enrolled = (await roster.StudentsAsync(cancellation)).ToDictionary(s => s.Login, StringComparer.Ordinal);
        var missing = wanted.Where(l => !enrolled.ContainsKey(l)).ToList();
        return missing.Count == 0
            ? wanted.ToDictionary(l => l, l => enrolled[l], StringComparer.Ordinal)
            : throw new NotFoundException($"{context}: not on the roster: {string.Join(", ", missing)}");
    }

    /// <summary>Every member of every formed team of <paramref name="assignment"/> (a student in no team is not a team member).</summary>
    public async Task<IReadOnlyList<RosterStudent>> TeamMembersAsync(string assignment, CancellationToken cancellation)
    {
        var members = (await roster.TeamsAsync(assignment, cancellation)).Where(t => t.Formed).SelectMany(t => t.Members);
        var students = await StudentsAsync(members, $"teams of '{assignment}'", cancellation);
        return students.Values.OrderBy(s => s.Login, StringComparer.Ordinal).ToList();
    }

    /// <summary>The members of the team named <paramref name="team"/>, a formed team or a student's team of one.</summary>
    public async Task<IReadOnlyList<RosterStudent>> TeamAsync(string assignment, string team, CancellationToken cancellation)
    {
        var found = await roster.TeamAsync(assignment, team, cancellation)
            ?? throw new NotFoundException($"team '{team}' of assignment '{assignment}' does not exist");
        var members = await StudentsAsync(found.Members, $"team '{team}'", cancellation);
        return members.Values.OrderBy(p => p.Login, StringComparer.Ordinal).ToList();
    }
}
