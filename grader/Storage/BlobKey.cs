namespace Course.Grader.Storage;

/// <summary>The form of a store key: 64 lower-case hex digits (a SHA-256).</summary>
internal static class BlobKey
{
    public static bool IsValid(string? key) => key is { Length: 64 } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
