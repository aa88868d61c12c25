using Course.Core.Output;

namespace Course.Grader.Grading.Build;

/// <summary>
/// The feedback's "Build" section for a C# submission: how long the build took apart from the program's
/// own time (both count against the time limit), or the errors with their file and line in the student's
/// repository, which packages the course's folder lacks, or that the build was stopped. Compiler messages
/// quote the student's code and MSBuild targets can write anything, so every value goes in escaped.
/// </summary>
internal static class BuildSection
{
    /// <summary>Lines of the build log shown when a failed build left no error line to list.</summary>
    private const int LogTailLines = 20;

    public static Markdown Render(BuildReport report, bool failed, long runWallMs, string timeLimit, string snapshot, string packages)
    {
        var text = new MarkdownBuilder().Line($"## Build").Line();
        if (!report.Finished)
        {
            return text.Line($"The build did not finish: the run was stopped after {Seconds(runWallMs)}, during the build (time limit {timeLimit}).")
                .ToMarkdown();
        }

        var took = report.Milliseconds is { } ms ? Seconds(ms) : "an unknown time";
        if (!failed)
        {
            var program = report.Milliseconds is { } build ? $"; your program then ran for {Seconds(Math.Max(0, runWallMs - build))}" : "";
            return text.Line($"Built with `dotnet build` in the sandbox, offline, in {took}{program}. Both count against the time limit ({timeLimit}).")
                .ToMarkdown();
        }

        var count = report.Errors.Count + report.MoreErrors;
        if (count == 0)
        {
            // Nothing in MSBuild's error format (the copy of the repository failed, say): the log says why.
            return text.Line($"Your project did not build (after {took}). The end of the build's output:").Line()
                .CodeBlock(string.Join('\n', report.LogTail.Split('\n').TakeLast(LogTailLines)))
                .ToMarkdown();
        }

        text.Line($"Your project did not build ({count} {(count == 1 ? "error" : "errors")}, after {took}). Each names the file in your repository, with line and column where the compiler gives them:")
            .Line();
        foreach (var error in report.Errors)
        {
            text.Line($"- {error.ToString()}");
        }

        if (report.MoreErrors > 0)
        {
            text.Line($"- ... and {report.MoreErrors} more");
        }

        MissingPackages(text, report, snapshot, packages);
        return text.ToMarkdown();
    }

    private static void MissingPackages(MarkdownBuilder text, BuildReport report, string snapshot, string packages)
    {
        var missing = report.Errors.Select(e => e.MissingPackage).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        text.Line();
        foreach (var package in missing)
        {
            var asked = PackageRequests.Find(snapshot, package) is { } request ? $" {request.Version} (asked for in {request.File})" : "";
            text.Line($"The course's package folder has no {package + asked}.");
        }

        var available = PackageRequests.Available(packages);
        text.Line().Line($"Builds run offline and can use only the packages the course provides: {(available.Count == 0 ? "none" : string.Join(", ", available))}.");
    }

    private static string Seconds(long milliseconds) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.0} s");
}
