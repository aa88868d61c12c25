using System.Security.Claims;
using Course.Assignments.Roster;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Auth;

/// <summary>Whose submissions a user may see: a student their own and their teams'; staff everyone's (null).</summary>
internal static class VisibleOwners
{
    public static async Task<IReadOnlyList<string>?> OfAsync(ClaimsPrincipal user, AssignmentsDbContext roster, CancellationToken cancellation)
    {
        if (!user.IsInRole(Roles.Student))
        {
            return null;
        }

        var login = user.Identity!.Name!;
        var teams = await roster.TeamMembers.AsNoTracking().Where(m => m.Login == login).Select(m => m.TeamId).ToListAsync(cancellation);
        return [login, .. teams];
    }
}
