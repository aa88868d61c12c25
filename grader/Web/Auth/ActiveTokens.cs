using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Auth;

/// <summary>
/// The one check every sign-in goes through (bearer header, session cookie, the sign-in form): a token
/// counts only while it is neither revoked nor expired, so revoking or expiring it ends the session too.
/// </summary>
internal sealed class ActiveTokens(WebDbContext db, TimeProvider time)
{
    /// <summary>Last use is recorded at most this often, so reading pages does not write on every request.</summary>
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromHours(1);

    /// <summary>The stored token, or null when it is unknown, revoked or expired.</summary>
    public async Task<ApiToken?> FindAsync(string token, CancellationToken cancellation)
    {
        var hash = TokenHasher.Hash(token);
        var stored = await db.Tokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellation);
        var now = time.GetUtcNow();
        if (stored is null || !stored.IsActiveAt(now))
        {
            return null;
        }

        if (stored.LastUsedAt is not { } used || now - used >= UseRecordedEvery)
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(cancellation);
        }

        return stored;
    }
}
