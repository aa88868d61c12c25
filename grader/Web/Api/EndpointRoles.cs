using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Course.Grader.Web.Api;

/// <summary>Which roles an endpoint admits, read from its authorization metadata the way the authorization middleware combines it.</summary>
internal static class EndpointRoles
{
    private static readonly string[] Everyone = [Roles.Instructor, Roles.Ta, Roles.Student];

    /// <summary>The roles admitted, or null when anyone may call it, signed in or not.</summary>
    public static async Task<IReadOnlyList<string>?> OfAsync(IAuthorizationPolicyProvider policies, IReadOnlyList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>().ToList(),
            metadata.OfType<AuthorizationPolicy>().ToList());
        if (policy is null)
        {
            return null;
        }

        // Every requirement must pass: the roles admitted are those every role requirement allows.
        return policy.Requirements.OfType<RolesAuthorizationRequirement>()
            .Aggregate((IEnumerable<string>)Everyone, (admitted, requirement) => admitted.Intersect(requirement.AllowedRoles, StringComparer.Ordinal))
            .ToList();
    }
}
