using Course.Assignments.Model;
using Course.Grader.Grading;
using Course.Grader.Storage;
using Course.Grader.Submissions;

namespace Course.Grader.Intake.GitHub;

/// <summary>
/// Takes one GitHub repository's commit in as a submission: maps the repository to a student or
/// team through the roster, downloads the tarball, extracts it safely and records it once.
/// </summary>
internal sealed class GitHubSubmissionTaker(RosterLookup roster, GraderDbContext db, GradingPaths paths, IBlobStore store,
    IRepositoryHost host, TimeProvider time)
{
    /// <param name="commit">The commit to take; null takes the tip of the default branch now.</param>
    /// <param name="receivedAt">When the push reached the server (webhook); null for "first seen now" (polling).</param>
    public async Task<FetchEntry> TakeAsync(AssignmentSpec assignment, HostedRepository repository, string login, string? commit,
        DateTimeOffset? receivedAt, CancellationToken cancellation)
    {
        var owner = await roster.FindAsync(assignment.Id, login, cancellation);
        if (owner is null)
        {
            return Skipped(repository, null, commit, $"'{login}' is not a student's GitHub login or a team in the roster");
        }

        commit ??= await host.ResolveHeadAsync(repository, cancellation);
        if (commit is null)
        {
            return Skipped(repository, owner.Id, null, $"no commits on {repository.DefaultBranch}");
        }

        var recorder = new SubmissionRecorder(db, paths, store, receivedAt is { } at ? new FixedTimeProvider(at) : time);
        try
        {
            var (submission, created) = await recorder.RecordAsync(assignment.Id, owner, repository.FullName, commit,
                SubmissionSource.GitHub, (destination, token) => SnapshotAsync(repository, commit, destination, token), cancellation);
            return new FetchEntry(repository.FullName, owner.Id, commit, created ? FetchStatus.Recorded : FetchStatus.Known, null,
                submission.ReceivedAt, null);
        }
        catch (IntakeException refused)
        {
            return Skipped(repository, owner.Id, commit, refused.Message);
        }
    }

    private async Task<IReadOnlyList<string>> SnapshotAsync(HostedRepository repository, string commit, string destination,
        CancellationToken cancellation)
    {
        var report = await host.DownloadAsync(repository, commit, destination, cancellation);
        return report.Complete
            ? report.Rejected.Select(r => $"{r.Path}: {r.Reason}").ToList()
            : throw new IntakeException($"{repository.FullName}@{ShortCommit.Of(commit)}: the tarball was refused: {report.Aborted}");
    }

    private static FetchEntry Skipped(HostedRepository repository, string? owner, string? commit, string message) =>
        new(repository.FullName, owner, commit, FetchStatus.Skipped, message, null, null);
}
