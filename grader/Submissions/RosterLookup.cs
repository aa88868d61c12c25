using Course.Assignments.Roster;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Submissions;

/// <summary>
/// Maps the login in a repository name to the owner of the work, read-only over the roster the
/// assignments module imported: a student's GitHub login or course login, or, for team work, the
/// team's id or name for that assignment. The roster of an assignment is read once per scope: a
/// fetch looks up hundreds of repositories.
/// </summary>
internal sealed class RosterLookup(AssignmentsDbContext roster)
{
    private readonly Dictionary<string, Owners> byAssignment = new(StringComparer.Ordinal);

    public async Task<SubmissionOwner?> FindAsync(string assignment, string login, CancellationToken cancellation)
    {
        var owners = await OwnersOfAsync(assignment, cancellation);
        if (owners.Teams.TryGetValue(login, out var team))
        {
            return new SubmissionOwner(team, IsTeam: true);
        }

        return owners.Students.TryGetValue(login, out var student) ? owners.WorkOf(student) : null;
    }

    /// <summary>
    /// The student whose GitHub login is <paramref name="gitHubLogin"/> (compared as GitHub does, ignoring case) and
    /// whose work their pushes count for in this assignment: their team in team work, else themselves; null for no student.
    /// </summary>
    public async Task<(string Student, SubmissionOwner Owner)?> FindByGitHubAsync(string assignment, string gitHubLogin,
        CancellationToken cancellation)
    {
        var owners = await OwnersOfAsync(assignment, cancellation);
        return owners.GitHubLogins.TryGetValue(gitHubLogin, out var student) ? (student, owners.WorkOf(student)) : null;
    }

    private async Task<Owners> OwnersOfAsync(string assignment, CancellationToken cancellation)
    {
        if (!byAssignment.TryGetValue(assignment, out var owners))
        {
            owners = await LoadAsync(assignment, cancellation);
            byAssignment[assignment] = owners;
        }

        return owners;
    }

    private async Task<Owners> LoadAsync(string assignment, CancellationToken cancellation)
    {
        var owners = new Owners();
        foreach (var team in await roster.Teams.AsNoTracking().Where(t => t.Assignment == assignment)
                     .Select(t => new { t.Id, t.Name }).ToListAsync(cancellation))
        {
            owners.Teams.TryAdd(team.Id, team.Id);
            owners.Teams.TryAdd(team.Name, team.Id);
        }

        var students = await roster.Students.AsNoTracking().Select(s => new { s.Login, s.GitHub }).ToListAsync(cancellation);
        foreach (var student in students)
        {
            owners.Students.TryAdd(student.GitHub, student.Login);
            owners.GitHubLogins.TryAdd(student.GitHub, student.Login);
        }

        foreach (var student in students)
        {
            owners.Students.TryAdd(student.Login, student.Login);
        }

        foreach (var member in await roster.TeamMembers.AsNoTracking().Where(m => m.Assignment == assignment)
                     .Select(m => new { m.Login, m.TeamId }).ToListAsync(cancellation))
        {
            owners.TeamOfStudent.TryAdd(member.Login, member.TeamId);
        }

        return owners;
    }

    private sealed class Owners
    {
        public Dictionary<string, string> Teams { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Students { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> TeamOfStudent { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> GitHubLogins { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>In team work a student's work counts for their team.</summary>
        public SubmissionOwner WorkOf(string student) =>
            TeamOfStudent.TryGetValue(student, out var team) ? new SubmissionOwner(team, IsTeam: true) : new SubmissionOwner(student, IsTeam: false);
    }
}
