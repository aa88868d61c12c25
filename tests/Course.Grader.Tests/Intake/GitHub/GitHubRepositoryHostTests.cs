using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Core.Errors;
using Course.Grader.Intake;
using Course.Grader.Intake.GitHub;

namespace Course.Grader.Tests.Intake.GitHub;

public sealed class GitHubRepositoryHostTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private ReplayServer _server = null!;

    public async Task InitializeAsync() => _server = await ReplayServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task DownloadAsync_RecordedTarballBehindRedirect_ExtractsTreeWithoutTopFolder()
    {
        _server.AddScenario(Fixtures.Scenario("get-archive"));
        var destination = _temp.Combine("snapshot");

        var report = await CreateSut().DownloadAsync(new HostedRepository("octokit-fixture-org", "get-archive", "main"), "main",
            destination, CancellationToken.None);

        Assert.True(report.Complete);
        Assert.Equal(["README.md"], report.Files.Select(f => f.Path));
        Assert.True(File.Exists(Path.Combine(destination, "README.md")));
        Assert.Contains(_server.Requests, r => r.Path == "/api/v3/repos/octokit-fixture-org/get-archive/tarball/main");
    }

    [Theory]
    [InlineData("application/gzip", false)]
    [InlineData("application/x-gzip", false)]
    [InlineData("application/x-gzip", true)]
    public async Task DownloadAsync_TarballOverTheCap_StoppedWhileArrivingAndConnectionClosed(string contentType, bool declareLength)
    {
        const long cap = 1024 * 1024;
        await using var flood = FloodServer.Start(512L * 1024 * 1024, contentType, declareLength);
        var host = new GitHubRepositoryHost(new GitHubOptions("test-token", flood.BaseUrl, null) { MaxTarballBytes = cap });

        var error = await Assert.ThrowsAsync<WorkFailedException>(() => host.DownloadAsync(
            new HostedRepository("test-org", "hw1-gh-ana", "main"), "main", _temp.Combine("snapshot"), CancellationToken.None));

        Assert.Equal("test-org/hw1-gh-ana: the tarball is larger than 1,048,576 bytes", error.Message);
        var served = await flood.Served.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(served.Completed, "the server sent the whole body: the download was read to its end");
        // Socket buffers on both sides hold a few megabytes at most; the rest was never sent.
        Assert.True(served.Sent < 64L * 1024 * 1024, $"the server sent {served.Sent:N0} bytes before the client hung up");
        Assert.False(Directory.Exists(_temp.Combine("snapshot")));
    }

    [Fact]
    public async Task SetStatusAsync_RecordedCreateStatus_SendsStateDescriptionAndFeedbackLink()
    {
        _server.AddScenario(Fixtures.Scenario("create-status"));
        const string commit = "0000000000000000000000000000000000000001";

        await CreateSut().SetStatusAsync(new HostedRepository("octokit-fixture-org", "create-status", "main"), commit,
            new CommitStatusUpdate("course/hw1", CommitState.Success, "score 8.5/10", new Uri("https://course.example/feedback/1")),
            CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/api/v3/repos/octokit-fixture-org/create-status/statuses/{commit}", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("success", body.RootElement.GetProperty("state").GetString());
        Assert.Equal("score 8.5/10", body.RootElement.GetProperty("description").GetString());
        Assert.Equal("https://course.example/feedback/1", body.RootElement.GetProperty("target_url").GetString());
        Assert.Equal("course/hw1", body.RootElement.GetProperty("context").GetString());
    }

    [Fact]
    public async Task ResolveHeadAsync_RecordedRefs_ReturnsTipOfDefaultBranch()
    {
        _server.AddScenario(Fixtures.Scenario("git-refs"));

        var head = await CreateSut().ResolveHeadAsync(new HostedRepository("octokit-fixture-org", "git-refs", "main"), CancellationToken.None);

        Assert.Equal("0000000000000000000000000000000000000001", head);
    }

    [Fact]
    public async Task ResolveHeadAsync_UnknownRepository_ReturnsNull()
    {
        var head = await CreateSut().ResolveHeadAsync(new HostedRepository("octokit-fixture-org", "missing", "main"), CancellationToken.None);

        Assert.Null(head);
    }

    [Fact]
    public async Task ListRepositoriesAsync_OrganizationListing_KeepsOnlyThePrefix()
    {
        AddOrganizationListing(_server, "octokit-fixture-org", "hw1-gh-ana", "HW1-gh-ben", "hw10-gh-ana", "hello-world");

        var repositories = await CreateSut().ListRepositoriesAsync("octokit-fixture-org", "hw1-", CancellationToken.None);

        Assert.Equal(["HW1-gh-ben", "hw1-gh-ana"], repositories.Select(r => r.Name));
        Assert.All(repositories, r => Assert.Equal("octokit-fixture-org", r.Owner));
    }

    [Fact]
    public async Task ListRepositoriesAsync_UnknownOrganization_ThrowsWorkFailedNamingIt()
    {
        var error = await Assert.ThrowsAsync<WorkFailedException>(() =>
            CreateSut().ListRepositoriesAsync("nobody", "hw1-", CancellationToken.None));

        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_NoToken_ThrowsBadInputNamingTheSetting()
    {
        var host = new GitHubRepositoryHost(new GitHubOptions(null, _server.BaseUrl, null));

        var error = await Assert.ThrowsAsync<BadInputException>(() => host.ResolveHeadAsync(
            new HostedRepository("o", "r", "main"), CancellationToken.None));

        Assert.Contains("GitHub:Token", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// No scenario records GET /orgs/{org}/repos, so the listing is made of the recorded repository
    /// object of get-repository, renamed: the fields are GitHub's, only the names are ours.
    /// </summary>
    internal static void AddOrganizationListing(ReplayServer server, string organization, params string[] names)
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Fixtures.Scenario("get-repository")))!.AsArray()[0]!["response"]!;
        var listing = new JsonArray();
        foreach (var name in names)
        {
            var repository = recorded.DeepClone();
            repository["name"] = name;
            repository["full_name"] = $"{organization}/{name}";
            repository["owner"]!["login"] = organization;
            listing.Add(repository);
        }

        server.Add("GET", $"/orgs/{organization}/repos", 200,
            new Dictionary<string, string> { ["content-type"] = "application/json; charset=utf-8" },
            System.Text.Encoding.UTF8.GetBytes(listing.ToJsonString()));
    }

    /// <summary>The recorded response body of exchange <paramref name="index"/> of a scenario (a tarball is binary).</summary>
    internal static byte[] RecordedBody(string scenario, int index) =>
        Convert.FromHexString(JsonNode.Parse(File.ReadAllText(Fixtures.Scenario(scenario)))!.AsArray()[index]!["response"]!.GetValue<string>());

    private GitHubRepositoryHost CreateSut() => new(new GitHubOptions("test-token", _server.BaseUrl, null));
}
