using Course.Assignments.Roster;
using Course.Core.Errors;

namespace Course.Leaderboard.Teams;

/// <summary>Finds a team by its name or by a member's login (the pipeline knows the student, not the team).</summary>
internal static class TeamResolver
{
    public static RosterTeam Resolve(IReadOnlyList<RosterTeam> teams, string assignment, string nameOrLogin) =>
        teams.FirstOrDefault(t => t.Name == nameOrLogin)
        ?? teams.FirstOrDefault(t => t.Members.Contains(nameOrLogin, StringComparer.Ordinal))
        ?? throw new NotFoundException(
            $"'{nameOrLogin}' is neither a team of {assignment} nor an enrolled student (import the roster and teams first)");
}
