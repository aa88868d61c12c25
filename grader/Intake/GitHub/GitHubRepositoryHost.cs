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
    private const string UserAgent = "course-grader";

    private readonly Lazy<GitHubClient> _client = new(() => Create(options));

    /// <summary>For tarballs; it follows GitHub's redirect to the download host and drops the token on the way.</summary>
    private readonly Lazy<HttpClient> _downloads = new(() => new HttpClient());

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

    /// <summary>
    /// Streams the tarball to a spool file, counting bytes as they arrive and stopping at
    /// <see cref="GitHubOptions.MaxTarballBytes"/> (a declared length over it is refused before the body). Plain
    /// <see cref="HttpClient"/>, not Octokit: Octokit reads a body whose content type it does not know as binary
    /// into one string, whole, before returning.
    /// </summary>
    public async Task<ExtractionReport> DownloadAsync(HostedRepository repository, string commit, string destination,
        CancellationToken cancellation)
    {
        var what = $"download {repository.FullName}@{commit}";
        var tooLarge = () => new WorkFailedException($"{repository.FullName}: the tarball is larger than {options.MaxTarballBytes:N0} bytes");
        var spool = Path.Combine(Path.GetTempPath(), $"course-tarball-{Guid.NewGuid():N}.tar.gz");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Client.Connection.BaseAddress,
                $"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/tarball/{Uri.EscapeDataString(commit)}"));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.RequireToken());
            request.Headers.UserAgent.Add(new System.Net.Http.Headers.ProductInfoHeaderValue(UserAgent, null));
            using var response = await Send(what, request, cancellation);
            if (response.Content.Headers.ContentLength > options.MaxTarballBytes)
            {
                throw tooLarge();
            }

            await using (var body = await response.Content.ReadAsStreamAsync(cancellation))
            await using (var file = File.Create(spool))
            {
                await CappedCopy.CopyAsync(body, file, options.MaxTarballBytes, tooLarge, cancellation);
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
        var product = new ProductHeaderValue(UserAgent);
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

    /// <summary>Sends <paramref name="request"/> and returns once the headers are in (the body is left on the wire).</summary>
    private async Task<HttpResponseMessage> Send(string what, HttpRequestMessage request, CancellationToken cancellation)
    {
        HttpResponseMessage response;
        try
        {
            response = await _downloads.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException error)
        {
            throw new WorkFailedException($"GitHub: could not {what}: {error.Message}", error);
        }

        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new WorkFailedException($"GitHub: could not {what}: {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return response;
    }

    private static WorkFailedException Failed(string what, ApiException error) =>
        new($"GitHub: could not {what}: {(int)error.StatusCode} {error.Message}", error);
}
