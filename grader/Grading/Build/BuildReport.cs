using System.Globalization;
using System.Text;

namespace Course.Grader.Grading.Build;

/// <summary>
/// What the build wrapper left in <c>/out/.build</c> (copied to the run's output folder): <c>status</c>
/// ("start MS", "end MS", "exit CODE"), <c>errors.log</c> (MSBuild's errors, one a line) and <c>build.log</c>.
/// All of it is untrusted data: the student's MSBuild targets and program run as the same user and can
/// rewrite these files. That only changes their own feedback, so it is read strictly (bounded sizes, numbers
/// only where numbers belong, anything else ignored) and never trusted for more.
/// </summary>
internal sealed record BuildReport(long? Milliseconds, int? ExitCode, IReadOnlyList<BuildMessage> Errors, int MoreErrors, string LogTail)
{
    /// <summary>The wrapper's exit code when the build failed (it then runs nothing else).</summary>
    public const int FailedExitCode = 97;

    public const string Folder = ".build";

    /// <summary>Errors listed in the feedback; the rest are counted.</summary>
    public const int MaxErrors = 30;

    private const int MaxStatusBytes = 4096;
    private const int MaxErrorLogBytes = 256 * 1024;
    private const int MaxLogTailBytes = 4096;

    /// <summary>The build ended (with any exit code) rather than being stopped with the run.</summary>
    public bool Finished => ExitCode is not null;

    /// <summary>The build failed and the wrapper said so with its exit code: the verdict is a build error.</summary>
    public bool Failed(int runExitCode) => runExitCode == FailedExitCode && ExitCode is { } code && code != 0;

    public static BuildReport Read(string outputFolder)
    {
        var folder = Path.Combine(outputFolder, Folder);
        var status = Lines(Path.Combine(folder, "status"), MaxStatusBytes)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => long.Parse(g.First()[1], NumberStyles.None, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        long? milliseconds = status.TryGetValue("start", out var start) && status.TryGetValue("end", out var end) && end >= start
                             && end - start <= TimeSpan.FromDays(1).TotalMilliseconds
            ? end - start
            : null;
        int? exit = status.TryGetValue("exit", out var code) && code <= int.MaxValue ? (int)code : null;
        var errors = Merge(Lines(Path.Combine(folder, "errors.log"), MaxErrorLogBytes)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(BuildMessage.Parse)).Distinct().ToList();
        var tail = Tail(Path.Combine(folder, "build.log"));
        return new BuildReport(milliseconds, exit, errors.Take(MaxErrors).ToList(), Math.Max(0, errors.Count - MaxErrors), tail);
    }

    /// <summary>NuGet continues an error on lines of their own ("NU1102:   - Found 1 version(s) ..."): one message.</summary>
    private static IEnumerable<BuildMessage> Merge(IEnumerable<BuildMessage> messages)
    {
        BuildMessage? previous = null;
        foreach (var message in messages)
        {
            if (previous is not null && message.Text.StartsWith("- ", StringComparison.Ordinal)
                && message.Code == previous.Code && message.File == previous.File)
            {
                previous = previous with { Text = $"{previous.Text} {message.Text}" };
                continue;
            }

            if (previous is not null)
            {
                yield return previous;
            }

            previous = message;
        }

        if (previous is not null)
        {
            yield return previous;
        }
    }

    private static IEnumerable<string> Lines(string path, int maxBytes) =>
        Read(path, maxBytes, fromEnd: false) is { } text ? text.Split('\n') : [];

    private static string Tail(string path)
    {
        var text = Read(path, MaxLogTailBytes, fromEnd: true) ?? "";
        return text.Replace(BuildMessage.SourceRoot, "", StringComparison.Ordinal).Trim();
    }

    /// <summary>At most <paramref name="maxBytes"/> of a regular file (the start or the end), as UTF-8 without a byte order mark.</summary>
    private static string? Read(string path, int maxBytes, bool fromEnd)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.LinkTarget is not null)
        {
            return null;
        }

        using var stream = file.OpenRead();
        if (fromEnd && stream.Length > maxBytes)
        {
            stream.Seek(-maxBytes, SeekOrigin.End);
        }

        var buffer = new byte[maxBytes];
        var length = stream.ReadAtLeast(buffer, maxBytes, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return text.TrimStart('\uFEFF').Replace("\r", "", StringComparison.Ordinal);
    }
}
