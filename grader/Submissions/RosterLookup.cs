using Course.Assignments.Roster;

namespace Course.Grader.Submissions;

/// <summary>
/// Maps the login in a repository name to the owner of the work, through the roster's one rule for
/// teams (<see cref="IRoster"/>): a formed team's name, or a student's GitHub or course login, whose
/// work counts for the formed team they are in on that assignment and is otherwise their own. The roster
/// of an assignment is read once per scope: a fetch looks up hundreds of repositories.
/// </summary>
internal sealed class RosterLookup(IRoster roster)
{
    private readonly Dictionary<string, IReadOnlyList<RosterTeam>> _teams = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _students;

    public async Task<SubmissionOwner?> FindAsync(string assignment, string login, CancellationToken cancellation)
    {
        if (!_teams.TryGetValue(assignment, out var teams))
        {
            teams = await roster.TeamsAsync(assignment, cancellation);
            _teams[assignment] = teams;
        }

        if (teams.FirstOrDefault(t => t.Formed && t.Name == login) is { } named)
        {
            return new SubmissionOwner(named.Name, IsTeam: true);
        }

        _students ??= await StudentsByLoginAsync(cancellation);
        return _students.TryGetValue(login, out var student)
               && teams.FirstOrDefault(t => t.Members.Contains(student, StringComparer.Ordinal)) is { } team
            ? new SubmissionOwner(team.Name, IsTeam: team.Formed)
            : null;
    }

    /// <summary>Course logins by GitHub login and by course login; a GitHub login wins over someone else's course login.</summary>
    private async Task<Dictionary<string, string>> StudentsByLoginAsync(CancellationToken cancellation)
    {
        var students = await roster.StudentsAsync(cancellation);
        var byLogin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var student in students)
        {
            byLogin.TryAdd(student.GitHub, student.Login);
        }

        foreach (var student in students)
        {
            byLogin.TryAdd(student.Login, student.Login);
        }

        return byLogin;
    }
}
