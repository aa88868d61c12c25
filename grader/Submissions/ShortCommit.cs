namespace Course.Grader.Submissions;

/// <summary>A commit id as people read it: its first 12 characters, as GitHub and git log show it.</summary>
internal static class ShortCommit
{
    public static string Of(string commit) => commit[..Math.Min(12, commit.Length)];
}
