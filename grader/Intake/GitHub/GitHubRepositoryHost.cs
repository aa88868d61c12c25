using Course.Core.Errors;
using Course.Grader.Intake.Archives;
using Octokit;

namespace Course.Grader.Intake.GitHub;

/// <summary>
/// <see cref="IRepositoryHost"/> over the GitHub REST API (Octokit). <c>GitHub:BaseUrl</c> points it
/// at GitHub Enterprise or at a local server replaying recorded responses.
/// </summary>
internal sealed class GitHubRepositoryHost(GitHubOptions options) : IRepositoryHost
{
    private readonly Lazy<GitHubClient> _client = new(() => Create(options));

    private GitHubClient Client => _client.Value;

    public async Task<IReadOnlyList<HostedRepository>> ListRepositoriesAsync(string organization, string prefix,
        CancellationToken cancellation)
    {
        var all = await Call($"list the repositories of '{organization}'", () => Client.Repository.GetAllForOrg(organization));
        return all.Where(r => r.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(r => new HostedRepository(r.Owner?.Login ?? organization, r.Name, r.DefaultBranch ?? "main"))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<string?> ResolveHeadAsync(HostedRepository repository, CancellationToken cancellation)
    {
        try
        {
            var references = await Client.Git.Reference.GetAll(repository.Owner, repository.Name);
            return references.FirstOrDefault(r => r.Ref == $"refs/heads/{repository.DefaultBranch}")?.Object?.Sha;
        }
        catch (ApiException error) when ((int)error.StatusCode is 404 or 409)
        {
            return null; // GitHub answers 409 "Git Repository is empty" for a repository without commits.
        }
        catch (ApiException error)
        {
            throw Failed($"read the branches of {repository.FullName}", error);
        }
    }

    public async Task<ExtractionReport> DownloadAsync(HostedRepository repository, string commit, string destination,
        CancellationToken cancellation)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"course-tarball-{Guid.NewGuid():N}.tar.gz");
        try
        {
            var response = await Call($"download {repository.FullName}@{commit}", () => Client.Connection.GetRawStream(
                new Uri($"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/tarball/{Uri.EscapeDataString(commit)}",
                    UriKind.Relative), new Dictionary<string, string>()));
            await using (var body = response.Body)
            await using (var file = File.Create(spool))
            {
                await CappedCopy.CopyAsync(body, file, options.MaxTarballBytes,
                    () => new WorkFailedException($"{repository.FullName}: the tarball is larger than {options.MaxTarballBytes:N0} bytes"),
                    cancellation);
            }

            return await ArchiveExtractor.ExtractFileAsync(spool, Archives.ArchiveFormat.TarGz, destination, stripTopFolder: true,
                cancellation: cancellation);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public Task SetStatusAsync(HostedRepository repository, string commit, CommitStatusUpdate status, CancellationToken cancellation) =>
        Call($"set the status of {repository.FullName}@{commit}", () => Client.Repository.Status.Create(repository.Owner,
            repository.Name, commit, new NewCommitStatus
            {
                State = status.State switch
                {
                    CommitState.Success => Octokit.CommitState.Success,
                    CommitState.Failure => Octokit.CommitState.Failure,
                    CommitState.Error => Octokit.CommitState.Error,
                    _ => Octokit.CommitState.Pending,
                },
                Description = status.Description.Length > 140 ? status.Description[..140] : status.Description,
                TargetUrl = status.FeedbackUrl?.ToString(),
                Context = status.Context,
            }));

    private static GitHubClient Create(GitHubOptions options)
    {
        var product = new ProductHeaderValue("course-grader");
        var client = options.BaseUrl is null ? new GitHubClient(product) : new GitHubClient(product, options.BaseUrl);
        client.Credentials = new Credentials(options.RequireToken());
        return client;
    }

    private static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error)
        {
            throw Failed(what, error);
        }
    }

    private static WorkFailedException Failed(string what, ApiException error) =>
        new($"GitHub: could not {what}: {(int)error.StatusCode} {error.Message}", error);
}
