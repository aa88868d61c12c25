using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// The public/private split of solution rows without a Usage column: row <c>id</c> is public when
/// the first 8 bytes of SHA-256("{seed}:{id}"), read as a fraction of 2^64, are below the public
/// fraction. Stable across processes, machines and row order; unguessable without the seed.
/// </summary>
internal static class PublicSplit
{
    public static bool IsPublic(string id, int seed, double publicFraction)
    {
        var text = $"{seed}:{id}";
        Span<byte> input = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, input);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..length], hash);
        var fraction = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return fraction < publicFraction;
    }
}
