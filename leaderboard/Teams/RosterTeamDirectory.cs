using Course.Assignments.Roster;
using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Teams;

/// <summary>
/// Reads teams from the assignments module's roster (read only: this module never writes its
/// tables). Every enrolled student without a team of the assignment competes as a team of one.
/// </summary>
internal sealed class RosterTeamDirectory(AssignmentsDbContext roster) : ITeamDirectory
{
    public async Task<IReadOnlyList<TeamInfo>> TeamsAsync(string assignment, CancellationToken cancellation)
    {
        var teams = await roster.Teams.AsNoTracking().Where(t => t.Assignment == assignment).ToListAsync(cancellation);
        var members = await roster.TeamMembers.AsNoTracking().Where(m => m.Assignment == assignment).ToListAsync(cancellation);
        var logins = await roster.Students.AsNoTracking().Select(s => s.Login).ToListAsync(cancellation);
        var placed = members.Select(m => m.Login).ToHashSet(StringComparer.Ordinal);
        var result = teams
            .Select(t => new TeamInfo(t.Name, members.Where(m => m.TeamId == t.Id).Select(m => m.Login).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var names = result.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        result.AddRange(logins.Where(l => !placed.Contains(l) && !names.Contains(l)).Select(l => new TeamInfo(l, [l])));
        return result.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
