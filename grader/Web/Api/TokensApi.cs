using System.Security.Claims;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/tokens</c>, instructors only: list the API tokens, issue one to a login, revoke one. The same as
/// <c>grader users tokens|token|revoke</c>; a token is shown once, when issued, and never its hash.
/// </summary>
internal static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/tokens", "Tokens").RequireAuthorization(Roles.InstructorPolicy);
        api.MapGet("", ListAsync);
        api.MapPost("", IssueAsync);
        api.MapPost("/{id}/revoke", RevokeAsync);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<TokenRow>>> ListAsync(string? login, TokenRegistry registry, CancellationToken cancellation) =>
        TypedResults.Ok(await registry.ListAsync(login, cancellation));

    internal static async Task<Created<IssuedToken>> IssueAsync(TokenRequestBody body, ClaimsPrincipal user, TokenIssuer issuer,
        StaffAudit audit, CancellationToken cancellation)
    {
        var login = string.IsNullOrWhiteSpace(body.Login)
            ? throw new Core.Errors.BadInputException("login: name the login to issue a token to")
            : body.Login.Trim();
        var (token, stored) = await issuer.IssueAsync(login, TokenLifetime.Parse(body.Expires), cancellation);
        audit.Record(user, "token issued", $"token {stored.Id} of {login}");
        return TypedResults.Created("/api/tokens", new IssuedToken(stored.Id, stored.Login, token, stored.ExpiresAt));
    }

    internal static async Task<Ok<RevokeAnswer>> RevokeAsync(string id, ClaimsPrincipal user, TokenRegistry registry, StaffAudit audit,
        CancellationToken cancellation)
    {
        var (token, revoked) = await registry.RevokeAsync(id, cancellation);
        if (revoked)
        {
            audit.Record(user, "token revoked", $"token {token.Id} of {token.Login}");
        }

        return TypedResults.Ok(new RevokeAnswer(token.Id, token.Login, revoked));
    }
}

/// <param name="Expires">A lifetime like 30d or 12h (default 90 days), as <c>grader users token --expires</c>.</param>
internal sealed record TokenRequestBody(string? Login, string? Expires);

/// <summary>A new token: the only time it is shown.</summary>
internal sealed record IssuedToken(string Id, string Login, string Token, DateTimeOffset ExpiresAt);

/// <param name="Revoked">False when it already was.</param>
internal sealed record RevokeAnswer(string Id, string Login, bool Revoked);
