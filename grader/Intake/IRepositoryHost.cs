using Course.Grader.Intake.Archives;

namespace Course.Grader.Intake;

/// <summary>
/// A server that hosts students' repositories (GitHub, GitHub Enterprise, a recording replayed in
/// tests). Intake lists, resolves and downloads through it, and reports results back to it.
/// </summary>
internal interface IRepositoryHost
{
    /// <summary>The organization's repositories whose name starts with <paramref name="prefix"/> (case-insensitive).</summary>
    Task<IReadOnlyList<HostedRepository>> ListRepositoriesAsync(string organization, string prefix, CancellationToken cancellation);

    /// <summary>The commit at the tip of the repository's default branch, or null when it has no commits.</summary>
    Task<string?> ResolveHeadAsync(HostedRepository repository, CancellationToken cancellation);

    /// <summary>Downloads the tree at <paramref name="commit"/> and extracts it safely into the new folder <paramref name="destination"/>.</summary>
    Task<ExtractionReport> DownloadAsync(HostedRepository repository, string commit, string destination, CancellationToken cancellation);

    /// <summary>Shows a grading result on the commit (a commit status with a link to the feedback).</summary>
    Task SetStatusAsync(HostedRepository repository, string commit, CommitStatusUpdate status, CancellationToken cancellation);
}
