namespace Course.Assignments.Roster;

/// <summary>
/// The team a piece of work belongs to on one assignment, identified by <see cref="Name"/> within that
/// assignment. <see cref="Formed"/> is false for a team of one: an enrolled student placed in no team of
/// the assignment, named by their login.
/// </summary>
/// <param name="Members">The members' logins, in ordinal order.</param>
public sealed record RosterTeam(string Name, IReadOnlyList<string> Members, bool Formed = true)
{
    internal static RosterTeam OfOne(string login) => new(login, [login], Formed: false);
}
