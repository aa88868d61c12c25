using Course.Core.Errors;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Auth;

/// <summary>Lists and revokes API tokens (<c>grader users tokens</c>, <c>grader users revoke</c>). Revoked tokens stay listed.</summary>
internal sealed class TokenRegistry(WebDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<TokenRow>> ListAsync(string? login, CancellationToken cancellation)
    {
        var tokens = db.Tokens.AsNoTracking();
        if (login is not null)
        {
            tokens = tokens.Where(t => t.Login == login);
        }

        var now = time.GetUtcNow();
        return (await tokens.ToListAsync(cancellation))
            .OrderBy(t => t.Login, StringComparer.Ordinal).ThenBy(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Login, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, StateOf(t, now)))
            .ToList();
    }

    /// <summary>Revokes the token <paramref name="id"/>; false when it already was.</summary>
    public async Task<(ApiToken Token, bool Revoked)> RevokeAsync(string id, CancellationToken cancellation)
    {
        var token = await db.Tokens.SingleOrDefaultAsync(t => t.Id == id, cancellation)
                    ?? throw new NotFoundException($"ID: no token '{id}' (grader users tokens lists them)");
        if (token.RevokedAt is not null)
        {
            return (token, false);
        }

        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellation);
        return (token, true);
    }

    /// <summary>Revokes every token of <paramref name="login"/> not revoked yet; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> RevokeAllAsync(string login, CancellationToken cancellation)
    {
        var tokens = await db.Tokens.Where(t => t.Login == login && t.RevokedAt == null).ToListAsync(cancellation);
        var now = time.GetUtcNow();
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellation);
        return tokens.Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
    }

    private static string StateOf(ApiToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? "revoked" : token.IsActiveAt(now) ? "active" : "expired";
}
