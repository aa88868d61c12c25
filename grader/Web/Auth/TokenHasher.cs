using System.Security.Cryptography;
using System.Text;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Auth;

/// <summary>API tokens: 32 random bytes, base64url; the database keeps only their SHA-256.</summary>
internal static class TokenHasher
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The login a token was issued to, or null for an unknown token (looked up by its hash).</summary>
    public static Task<string?> LoginOfAsync(WebDbContext db, string token, CancellationToken cancellation)
    {
        var hash = Hash(token);
        return db.Tokens.Where(t => t.Hash == hash).Select(t => t.Login).FirstOrDefaultAsync(cancellation);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
