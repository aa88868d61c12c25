using Course.Core.Errors;
using Course.Grader.Intake;
using Course.Grader.Intake.Archives;

namespace Course.Grader.Tests.Intake.Statuses;

/// <summary>A repository host whose first <paramref name="failures"/> status requests fail as GitHub's would; it keeps every request.</summary>
internal sealed class FlakyRepositoryHost(int failures) : IRepositoryHost
{
    public List<(HostedRepository Repository, string Commit, CommitStatusUpdate Status)> Requests { get; } = [];

    public Task SetStatusAsync(HostedRepository repository, string commit, CommitStatusUpdate status, CancellationToken cancellation)
    {
        Requests.Add((repository, commit, status));
        return Requests.Count <= failures
            ? Task.FromException(new WorkFailedException($"GitHub: could not set the status of {repository.FullName}@{commit}: 502 Bad Gateway"))
            : Task.CompletedTask;
    }

    public Task<IReadOnlyList<HostedRepository>> ListRepositoriesAsync(string organization, string prefix, CancellationToken cancellation) =>
        throw new NotSupportedException();

    public Task<string?> ResolveHeadAsync(HostedRepository repository, CancellationToken cancellation) => throw new NotSupportedException();

    public Task<ExtractionReport> DownloadAsync(HostedRepository repository, string commit, string destination, CancellationToken cancellation) =>
        throw new NotSupportedException();
}
