using Course.Assignments.Model;

namespace Course.Assignments.Roster;

/// <summary>
/// The people of the course, read only: enrolled students (the roster), staff (course.json) and teams.
/// One rule says who a team is: on each assignment, a team is identified by its name; a formed team
/// (teams import or form) has the members placed in it, and every enrolled student placed in no team of
/// the assignment works as a team of one named by their login (a team's name is never a student's login,
/// so the two cannot be confused). Individual assignments therefore have only teams of one.
/// </summary>
public interface IRoster
{
    /// <summary>The enrolled student with <paramref name="login"/>, or null.</summary>
    Task<RosterStudent?> StudentAsync(string login, CancellationToken cancellation);

    /// <summary>Every enrolled student, by login.</summary>
    Task<IReadOnlyList<RosterStudent>> StudentsAsync(CancellationToken cancellation);

    /// <summary>The member of the course's staff (course.json) with <paramref name="login"/>, or null.</summary>
    StaffMember? Staff(string login);

    /// <summary>Every team of <paramref name="assignment"/>, formed teams and teams of one, by name.</summary>
    Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation);

    /// <summary>The team named <paramref name="team"/> on <paramref name="assignment"/>, or null.</summary>
    Task<RosterTeam?> TeamAsync(string assignment, string team, CancellationToken cancellation);

    /// <summary>The team the student <paramref name="login"/> works in on <paramref name="assignment"/>; null when not enrolled.</summary>
    Task<RosterTeam?> TeamOfAsync(string assignment, string login, CancellationToken cancellation);

    /// <summary>Whose work <paramref name="viewer"/> may see: staff everyone's, a student their own and their teams'.</summary>
    Task<VisibleWork> VisibleWorkAsync(string viewer, CancellationToken cancellation);
}
