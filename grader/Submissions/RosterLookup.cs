using Course.Assignments.Roster;

namespace Course.Grader.Submissions;

/// <summary>
/// Maps the login in a repository name, or the GitHub login of a pusher, to the owner of the work, through the
/// roster's one rule for teams (<see cref="IRoster"/>): a formed team's name, or a student's GitHub or course
/// login, whose work counts for the formed team they are in on that assignment and is otherwise their own.
/// The roster of an assignment is read once per scope: a fetch looks up hundreds of repositories.
/// </summary>
internal sealed class RosterLookup(IRoster roster)
{
    private readonly Dictionary<string, IReadOnlyList<RosterTeam>> _teams = new(StringComparer.Ordinal);
    private IReadOnlyList<RosterStudent>? _students;
    private Dictionary<string, string>? _byLogin;
    private Dictionary<string, string>? _byGitHub;

    public async Task<SubmissionOwner?> FindAsync(string assignment, string login, CancellationToken cancellation)
    {
        var teams = await TeamsAsync(assignment, cancellation);
        if (teams.FirstOrDefault(t => t.Formed && t.Name == login) is { } named)
        {
            return new SubmissionOwner(named.Name, IsTeam: true);
        }

        _byLogin ??= ByLogin(await StudentsAsync(cancellation));
        return _byLogin.TryGetValue(login, out var student) ? WorkOf(teams, student) : null;
    }

    /// <summary>
    /// The student whose GitHub login is <paramref name="gitHubLogin"/> (compared as GitHub does, ignoring case) and
    /// whose work their pushes count for in this assignment: their team in team work, else themselves; null for no student.
    /// </summary>
    public async Task<(string Student, SubmissionOwner Owner)?> FindByGitHubAsync(string assignment, string gitHubLogin,
        CancellationToken cancellation)
    {
        _byGitHub ??= (await StudentsAsync(cancellation))
            .GroupBy(s => s.GitHub, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Login, StringComparer.OrdinalIgnoreCase);
        return _byGitHub.TryGetValue(gitHubLogin, out var student) && WorkOf(await TeamsAsync(assignment, cancellation), student) is { } owner
            ? (student, owner)
            : null;
    }

    private static SubmissionOwner? WorkOf(IReadOnlyList<RosterTeam> teams, string student) =>
        teams.FirstOrDefault(t => t.Members.Contains(student, StringComparer.Ordinal)) is { } team
            ? new SubmissionOwner(team.Name, IsTeam: team.Formed)
            : null;

    private async Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation)
    {
        if (!_teams.TryGetValue(assignment, out var teams))
        {
            teams = await roster.TeamsAsync(assignment, cancellation);
            _teams[assignment] = teams;
        }

        return teams;
    }

    private async Task<IReadOnlyList<RosterStudent>> StudentsAsync(CancellationToken cancellation) =>
        _students ??= await roster.StudentsAsync(cancellation);

    /// <summary>Course logins by GitHub login and by course login; a GitHub login wins over someone else's course login.</summary>
    private static Dictionary<string, string> ByLogin(IReadOnlyList<RosterStudent> students)
    {
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
