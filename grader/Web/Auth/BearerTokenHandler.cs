using System.Security.Claims;
using System.Text.Encodings.Web;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Course.Grader.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c>, or where the scheme allows it (the pages, <see cref="CourseAuthentication"/>)
/// the same token in the session cookie set at sign-in (<see cref="SessionCookie"/>): an active token is
/// looked up by its SHA-256 (<see cref="ActiveTokens"/>); the login's role is read from course.json's staff
/// at each request, so removing a TA there revokes their access at once.
/// </summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<TokenSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ActiveTokens tokens, ICourseProvider course)
    : AuthenticationHandler<TokenSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Options.ReadsSessionCookie ? Request.Cookies[SessionCookie.Name] : null;
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (await tokens.FindAsync(token, Context.RequestAborted) is not { } stored)
        {
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }

        var staff = course.Course.Staff.FirstOrDefault(s => string.Equals(s.Login, stored.Login, StringComparison.Ordinal));
        var role = staff?.Role switch
        {
            StaffRole.Instructor => Roles.Instructor,
            StaffRole.Ta => Roles.Ta,
            _ => Roles.Student,
        };
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, stored.Login), new Claim(ClaimTypes.Role, role)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
