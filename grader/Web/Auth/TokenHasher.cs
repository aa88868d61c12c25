using System.Security.Cryptography;
using System.Text;

namespace Course.Grader.Web.Auth;

/// <summary>API tokens: 32 random bytes, base64url; the database keeps only their SHA-256 and a random id.</summary>
internal static class TokenHasher
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The id listings and revocations name a token by: random, so it says nothing about the token.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
