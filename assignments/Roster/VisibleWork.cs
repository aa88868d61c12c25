namespace Course.Assignments.Roster;

/// <summary>
/// Whose work a viewer may see, as (assignment, owner) pairs where an owner is a team's name or a
/// student's login: staff see everything; anyone else sees the work filed under their own login and,
/// on each assignment, the work of the formed team they are in there.
/// </summary>
public sealed class VisibleWork
{
    private readonly string? _login;
    private readonly IReadOnlyDictionary<string, string> _teamByAssignment;

    private VisibleWork(string? login, IReadOnlyDictionary<string, string> teamByAssignment)
    {
        _login = login;
        _teamByAssignment = teamByAssignment;
    }

    public static VisibleWork Everything { get; } = new(null, new Dictionary<string, string>());

    public bool IsEverything => _login is null;

    /// <summary>Every owner the viewer's visible work can be filed under (empty for <see cref="Everything"/>): a first, coarse filter.</summary>
    public IReadOnlyList<string> Owners => _login is null ? [] : [_login, .. _teamByAssignment.Values.Distinct(StringComparer.Ordinal)];

    public bool Contains(string assignment, string owner) =>
        _login is null || owner == _login || (_teamByAssignment.TryGetValue(assignment, out var team) && team == owner);

    internal static VisibleWork Of(string login, IReadOnlyDictionary<string, string> teamByAssignment) => new(login, teamByAssignment);
}
