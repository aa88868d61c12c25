using Microsoft.AspNetCore.Authentication;

namespace Course.Grader.Web.Auth;

/// <summary>Whether a scheme of <see cref="BearerTokenHandler"/> also takes the token from the session cookie.</summary>
internal sealed class TokenSchemeOptions : AuthenticationSchemeOptions
{
    public bool ReadsSessionCookie { get; set; }
}
