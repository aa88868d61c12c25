using System.Globalization;
using System.Text;

namespace Course.Grader.Grading.Build;

/// <summary>
/// The feedback's "Build" section for a C# submission: how long the build took apart from the program's
/// own time (both count against the time limit), or the errors with their file and line in the student's
/// repository, which packages the course's folder lacks, or that the build was stopped.
/// </summary>
internal static class BuildSection
{
    /// <summary>Lines of the build log shown when a failed build left no error line to list.</summary>
    private const int LogTailLines = 20;

    public static string Render(BuildReport report, bool failed, long runWallMs, string timeLimit, string snapshot, string packages)
    {
        var text = new StringBuilder().AppendLine("## Build").AppendLine();
        if (!report.Finished)
        {
            text.AppendLine(Invariant($"The build did not finish: the run was stopped after {Seconds(runWallMs)}, during the build (time limit {timeLimit})."));
            return text.ToString();
        }

        var took = report.Milliseconds is { } ms ? Seconds(ms) : "an unknown time";
        if (!failed)
        {
            var program = report.Milliseconds is { } build ? $"; your program then ran for {Seconds(Math.Max(0, runWallMs - build))}" : "";
            text.AppendLine(Invariant($"Built with `dotnet build` in the sandbox, offline, in {took}{program}. Both count against the time limit ({timeLimit})."));
            return text.ToString();
        }

        var count = report.Errors.Count + report.MoreErrors;
        if (count == 0)
        {
            // Nothing in MSBuild's error format (the copy of the repository failed, say): the log says why.
            var tail = report.LogTail.Split('\n').TakeLast(LogTailLines);
            text.AppendLine(Invariant($"Your project did not build (after {took}). The end of the build's output:")).AppendLine().AppendLine("~~~~")
                .AppendLine(string.Join('\n', tail).Replace("~~~~", "~ ~ ~ ~", StringComparison.Ordinal)).AppendLine("~~~~");
            return text.ToString();
        }

        text.AppendLine(Invariant($"Your project did not build ({count} {(count == 1 ? "error" : "errors")}, after {took}). Each names the file in your repository, with line and column where the compiler gives them:"))
            .AppendLine();
        foreach (var error in report.Errors)
        {
            text.AppendLine(Invariant($"- {Escape(error.ToString())}"));
        }

        if (report.MoreErrors > 0)
        {
            text.AppendLine(Invariant($"- ... and {report.MoreErrors} more"));
        }

        MissingPackages(text, report, snapshot, packages);
        return text.ToString();
    }

    private static void MissingPackages(StringBuilder text, BuildReport report, string snapshot, string packages)
    {
        var missing = report.Errors.Select(e => e.MissingPackage).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        text.AppendLine();
        foreach (var package in missing)
        {
            var asked = PackageRequests.Find(snapshot, package) is { } request ? $" {request.Version} (asked for in {request.File})" : "";
            text.AppendLine(Invariant($"The course's package folder has no {Escape(package + asked)}."));
        }

        var available = PackageRequests.Available(packages);
        text.AppendLine().AppendLine(Invariant(
            $"Builds run offline and can use only the packages the course provides: {Escape(available.Count == 0 ? "none" : string.Join(", ", available))}."));
    }

    private static string Seconds(long milliseconds) => Invariant($"{milliseconds / 1000.0:0.0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Student-controlled text (compiler messages quote their code, MSBuild targets write anything) as inline
    /// Markdown: one line, no markup, no HTML. A minimal stand-in kept private here until the feedback module
    /// offers a shared escaping helper.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                        or UnicodeCategory.ParagraphSeparator ? ' ' : c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
