using Course.Core.Errors;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// A prediction (or solution) file that cannot be scored. The message starts with
/// <c>file:line:</c>; only the file's name is kept so host paths never reach a student.
/// </summary>
public sealed class InvalidFileException : BadInputException
{
    public InvalidFileException(string file, long line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file's name (no folder).</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public long Line { get; }

    public string Problem { get; }
}
