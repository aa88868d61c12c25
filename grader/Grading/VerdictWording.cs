using Course.Core.Output;

namespace Course.Grader.Grading;

/// <summary>
/// What a verdict means to the student, in the two lengths it is shown: a few words in a commit
/// status, a sentence in the feedback report. One table, so both always say the same thing.
/// </summary>
internal static class VerdictWording
{
    private static readonly Dictionary<Verdict, (string Words, Markdown? Sentence)> Meanings = new()
    {
        [Verdict.NonZeroExit] = ("your program exited with an error",
            Markdown.Constant("Your program exited with a non-zero code; outputs it wrote were still checked.")),
        [Verdict.TimedOut] = ("stopped at the time limit", Markdown.Constant("The run was stopped at the time limit.")),
        [Verdict.ProcessLimit] = ("stopped for keeping the process limit full",
            Markdown.Constant("The run was stopped for keeping its process limit full for 5 seconds (threads count as processes): a fork bomb, or processes or threads started without end.")),
        [Verdict.OutputLimit] = ("stopped at the output limit",
            Markdown.Constant("The run was stopped for writing more to /out than the assignment's output limits allow (total bytes or number of files); outputs within the limits were still checked.")),
        [Verdict.OutOfMemory] = ("killed at the memory limit", Markdown.Constant("The run was killed for using more memory than the limit.")),
        [Verdict.BuildError] = ("your project did not build",
            Markdown.Constant("Your C# project did not build in the sandbox (offline, with the course's packages), so nothing ran; the errors are below.")),
        [Verdict.RejectedOutput] = ("some outputs were rejected",
            Markdown.Constant("Some outputs were rejected (links, special files or over the limits) and ignored.")),
        // The report explains these two in its own lines (the missing file, the scoring problem).
        [Verdict.InvalidOutput] = ("the output could not be scored", null),
        [Verdict.MissingOutput] = ("an expected output is missing", null),
    };

    /// <summary>A few words for a commit status.</summary>
    public static string Words(Verdict verdict) => Meanings.TryGetValue(verdict, out var meaning) ? meaning.Words : verdict.ToString();

    /// <summary>A sentence for the feedback report, or null when the report says it elsewhere.</summary>
    public static Markdown? Sentence(Verdict verdict) => Meanings.TryGetValue(verdict, out var meaning) ? meaning.Sentence : null;
}
