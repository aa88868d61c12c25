using System.Security.Claims;
using System.Text.Encodings.Web;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Course.Grader.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c>, or for the pages the same token in the session cookie set at
/// sign-in (<see cref="SessionCookie"/>): the token's SHA-256 is looked up; the login's role is read
/// from course.json's staff at each request, so removing a TA there revokes their access at once.
/// </summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, WebDbContext db, ICourseProvider course)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Cookies[SessionCookie.Name];
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var login = await TokenHasher.LoginOfAsync(db, token, Context.RequestAborted);
        if (login is null)
        {
            return AuthenticateResult.Fail("unknown token");
        }

        var staff = course.Course.Staff.FirstOrDefault(s => string.Equals(s.Login, login, StringComparison.Ordinal));
        var role = staff?.Role switch
        {
            StaffRole.Instructor => Roles.Instructor,
            StaffRole.Ta => Roles.Ta,
            _ => Roles.Student,
        };
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
