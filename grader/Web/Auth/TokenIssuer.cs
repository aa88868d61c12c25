using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Web.Data;

namespace Course.Grader.Web.Auth;

/// <summary>Issues API tokens to staff (course.json) and students (roster).</summary>
internal sealed class TokenIssuer(WebDbContext db, IRoster roster, TimeProvider time)
{
    /// <summary>
    /// Stores the hash of a new token for <paramref name="login"/> that signs in for <paramref name="lifetime"/>;
    /// returns the token (shown once) with what is stored about it.
    /// </summary>
    public async Task<(string Token, ApiToken Stored)> IssueAsync(string login, TimeSpan lifetime, CancellationToken cancellation)
    {
        var known = roster.Staff(login) is not null || await roster.StudentAsync(login, cancellation) is not null;
        if (!known)
        {
            throw new NotFoundException($"LOGIN: '{login}' is neither staff in course.json nor a student in the roster");
        }

        var token = TokenHasher.NewToken();
        var now = time.GetUtcNow();
        var stored = new ApiToken
        {
            Hash = TokenHasher.Hash(token), Id = TokenHasher.NewId(), Login = login, CreatedAt = now, ExpiresAt = now + lifetime,
        };
        db.Tokens.Add(stored);
        await db.SaveChangesAsync(cancellation);
        return (token, stored);
    }
}
