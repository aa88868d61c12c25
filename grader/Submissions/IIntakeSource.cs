namespace Course.Grader.Submissions;

/// <summary>
/// One way submissions come in for <c>grader fetch --source NAME</c>. Register implementations as
/// <c>IIntakeSource</c>; the command picks the one whose <see cref="Name"/> matches.
/// </summary>
internal interface IIntakeSource
{
    /// <summary>The <c>--source</c> value: "local", "github".</summary>
    string Name { get; }

    /// <summary>Records each student's or team's current submission; <paramref name="location"/> is <c>--repos</c> when given.</summary>
    Task<IReadOnlyList<FetchEntry>> FetchAsync(string assignment, string? location, IProgress<FetchEntry>? progress,
        CancellationToken cancellation);
}
