using System.Security.Claims;

namespace Course.Grader.Web.Auth;

/// <summary>
/// The record of every state-changing staff action taken over HTTP (a board finalized, a token issued or revoked,
/// predictions uploaded for a team): one structured log line naming the action, its target and the actor with their role.
/// </summary>
internal sealed class StaffAudit(ILogger<StaffAudit> logger)
{
    public void Record(ClaimsPrincipal actor, string action, string target) =>
        logger.LogInformation("Staff action {Action} on {Target} by {Actor} ({Role})", action, target,
            actor.Identity?.Name, actor.FindFirstValue(ClaimTypes.Role));
}
