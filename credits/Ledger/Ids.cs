using System.Security.Cryptography;

namespace Course.Credits.Ledger;

/// <summary>Short random ids (12 hex digits, 48 bits): easy to quote in an e-mail, no collision in a course's lifetime.</summary>
internal static class Ids
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
