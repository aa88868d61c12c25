using Course.Core.FileSystem;
using System.Diagnostics;
using System.Text.Json;
using Course.Grader.Submissions;
using Course.Grader.Tests.Intake;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Submissions;

/// <summary>
/// Real bare repositories built to make git run a program or read another student's repository during
/// a plain read, taken in by <c>grader fetch --source local</c>: each is refused with the reason, and the
/// program never runs (its marker file is never created).
/// </summary>
public sealed class RepositoryRefusalTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 11, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_PromisorRemoteWithExtTransportAndMissingObject_RefusedNamingTheKeysAndNothingRuns()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, marker) = HomeworkOf(course, "alice");
        GitRepos.DropObject(bare, GitRepos.Run(bare, "rev-parse", "HEAD:run.sh").Trim());
        GitRepos.Run(bare, "config", "core.repositoryformatversion", "1");
        GitRepos.Run(bare, "config", "extensions.partialClone", "evil");
        File.AppendAllText(Path.Combine(bare, "config"), EvilRemote(marker));

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.False(File.Exists(marker), "the promisor remote's ext:: command ran");
        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        var message = entry.GetProperty("message").GetString()!;
        Assert.StartsWith("refused: config sets ", message, StringComparison.Ordinal);
        Assert.Contains("extensions.partialclone", message, StringComparison.Ordinal);
        Assert.Contains("remote.evil.promisor", message, StringComparison.Ordinal);
        Assert.Contains("remote.evil.url (ext:: transport)", message, StringComparison.Ordinal);
        Assert.Empty(await course.QueryAsync(db => db.Submissions.ToListAsync()));
    }

    [Theory]
    [InlineData("include.path", "include.path")]
    [InlineData("includeIf.gitdir:/.path", "includeif.gitdir:/.path")]
    public async Task Fetch_ConfigIncludingAPromisorRemoteAndSshCommand_RefusedNamingTheIncludeAndNothingRuns(string key, string named)
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, marker) = HomeworkOf(course, "alice");
        GitRepos.DropObject(bare, GitRepos.Run(bare, "rev-parse", "HEAD:run.sh").Trim());
        File.WriteAllText(Path.Combine(bare, "info", "settings"), $"[core]\n\tsshCommand = touch {marker}\n{EvilRemote(marker)}");
        GitRepos.Run(bare, "config", key, "info/settings");

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.False(File.Exists(marker), "a command from the included config ran");
        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        Assert.Contains($"config sets {named}", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("core.fsmonitor", "touch {0}")]
    [InlineData("core.sshCommand", "touch {0}")]
    [InlineData("core.gitProxy", "touch {0}")]
    [InlineData("core.hooksPath", "{1}")]
    [InlineData("uploadpack.packObjectsHook", "touch {0}")]
    [InlineData("filter.evil.smudge", "touch {0}")]
    [InlineData("url.ext::sh -c touch% {0}.insteadOf", "https://")]
    [InlineData("remote.origin.url", "ext::sh -c touch% {0}")]
    [InlineData("remote.origin.url", "fd::3")]
    [InlineData("extensions.worktreeConfig", "true")]
    public async Task Fetch_ConfigSettingThatRunsProgramsOrReachesOut_RefusedNamingTheKey(string key, string value)
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, marker) = HomeworkOf(course, "alice");
        var hooks = Path.Combine(course.Directory, "hooks");
        Directory.CreateDirectory(hooks);
        GitRepos.Run(bare, "config", "--replace-all", string.Format(null, key, marker), string.Format(null, value, marker, hooks));

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.False(File.Exists(marker));
        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        var message = entry.GetProperty("message").GetString()!;
        Assert.StartsWith("refused: config sets ", message, StringComparison.Ordinal);
        Assert.Contains(AsGitNamesIt(string.Format(null, key, marker)), message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("objects/info/alternates")]
    [InlineData("objects/info/http-alternates")]
    [InlineData("commondir")]
    [InlineData("objects")]
    public async Task Fetch_RepositoryReadingAnotherStudentsObjects_RefusedAndNothingOfTheirsRecorded(string pointer)
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice", "bob"]);
        var (repos, alice, _) = HomeworkOf(course, "alice");
        var bob = Path.Combine(repos, "hw1-bob.git");
        BorrowFrom(alice, bob, pointer);

        var (exit, output, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos, "--json");

        Assert.True(exit == 0, error);
        var entries = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray()
            .ToDictionary(e => e.GetProperty("repository").GetString()!, e => (Status: e.GetProperty("status").GetString(), Message: e.GetProperty("message").GetString()));
        Assert.Equal("recorded", entries["hw1-alice.git"].Status);
        Assert.Equal("skipped", entries["hw1-bob.git"].Status);
        Assert.StartsWith($"refused: {pointer} ", entries["hw1-bob.git"].Message, StringComparison.Ordinal);
        Assert.Equal(["alice"], await course.QueryAsync(db => db.Submissions.Select(s => s.Owner).ToListAsync()));
    }

    [Fact]
    public async Task Fetch_RepositoryOwnedByAnotherUser_RefusedNamingTheOwnerAndNothingRuns()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, marker) = HomeworkOf(course, "alice");
        GitRepos.DropObject(bare, GitRepos.Run(bare, "rev-parse", "HEAD:run.sh").Trim());
        File.AppendAllText(Path.Combine(bare, "config"), EvilRemote(marker));
        Chown("65534", bare);

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.False(File.Exists(marker));
        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        Assert.Equal($"refused: the repository is owned by user 65534, not by the user intake runs as ({UnixFileStatus.CurrentUser})",
            entry.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Fetch_ObjectsFolderOfAnotherUserInsideOwnRepository_RefusedNamingIt()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, _) = HomeworkOf(course, "alice");
        Chown("65534", Path.Combine(bare, "objects"));

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        Assert.StartsWith("refused: objects is owned by user 65534", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ConfigGitReadsDifferentlyThanItLooks_RefusedNamingTheLine()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var (repos, bare, marker) = HomeworkOf(course, "alice");
        // Git reads a setting written on its section header's line: this is include.path, though a reader
        // taking the line for a bare header sees no setting at all.
        File.WriteAllText(Path.Combine(bare, "info", "settings"), $"[core]\n\tsshCommand = touch {marker}\n");
        File.AppendAllText(Path.Combine(bare, "config"), "[include] path = info/settings\n");

        var entry = await FetchOneAsync(course, repos, "hw1-alice.git");

        Assert.Equal("skipped", entry.GetProperty("status").GetString());
        Assert.StartsWith("refused: config line ", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitObjectReader_PromisorRepositoryReadWithoutVetting_FetchesNothing()
    {
        using var temp = new TempFolder();
        var repos = temp.Combine("repos");
        Directory.CreateDirectory(repos);
        var marker = temp.Combine("pwned");
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo hi\n" });
        var bare = Path.Combine(repos, "hw1-alice.git");
        var blob = GitRepos.Run(bare, "rev-parse", "HEAD:run.sh").Trim();
        GitRepos.DropObject(bare, blob);
        GitRepos.Run(bare, "config", "core.repositoryformatversion", "1");
        GitRepos.Run(bare, "config", "extensions.partialClone", "evil");
        File.AppendAllText(Path.Combine(bare, "config"), EvilRemote(marker));

        await using var objects = GitObjectReader.Open(new GitCommand(bare));
        var found = await objects.FindAsync(blob, CancellationToken.None);

        Assert.Null(found);
        Assert.False(File.Exists(marker), "git fetched the missing object through the ext:: transport");
    }

    /// <summary>A course's repos folder with the student's homework in <c>hw1-{login}.git</c>, and a marker path a hostile command would create.</summary>
    private static (string Repos, string Bare, string Marker) HomeworkOf(TestCourse course, string login)
    {
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, $"hw1-{login}", new Dictionary<string, string> { ["run.sh"] = $"echo {login}\n" });
        return (repos, Path.Combine(repos, $"hw1-{login}.git"), Path.Combine(course.Directory, "pwned"));
    }

    /// <summary>
    /// A promisor remote whose address runs a command through the ext:: transport, which it is allowed to use
    /// (a repository's <c>protocol.ext.allow</c> outranks a command line's <c>protocol.allow=never</c>).
    /// </summary>
    private static string EvilRemote(string marker) =>
        $"[remote \"evil\"]\n\tpromisor = true\n\turl = ext::sh -c touch% {marker}\n[protocol \"ext\"]\n\tallow = always\n";

    /// <summary>Makes <paramref name="bob"/> a repository whose HEAD is a commit of <paramref name="alice"/>'s tree, read through <paramref name="pointer"/>.</summary>
    private static void BorrowFrom(string alice, string bob, string pointer)
    {
        var aliceObjects = Path.Combine(alice, "objects");
        if (pointer == "commondir")
        {
            Directory.CreateDirectory(bob);
            File.WriteAllText(Path.Combine(bob, "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(bob, "commondir"), "../hw1-alice.git\n");
            return;
        }

        GitRepos.Run(Path.GetDirectoryName(bob)!, "init", "-q", "--bare", "-b", "main", bob);
        var bobObjects = Path.Combine(bob, "objects");
        if (pointer == "objects")
        {
            Directory.Delete(bobObjects, recursive: true);
            Directory.CreateSymbolicLink(bobObjects, aliceObjects);
        }
        else
        {
            File.WriteAllText(Path.Combine(bobObjects, "info", "alternates"), aliceObjects + "\n");
        }

        var stolen = GitRepos.Run(bob, "commit-tree", GitRepos.Run(alice, "rev-parse", "HEAD^{tree}").Trim(), "-m", "mine").Trim();
        GitRepos.Run(bob, "update-ref", "refs/heads/main", stolen);
        if (pointer != "objects" && pointer != "objects/info/alternates")
        {
            File.Move(Path.Combine(bobObjects, "info", "alternates"), Path.Combine(bob, pointer));
        }
    }

    /// <summary>A key as git lists it: section and name lower case, a subsection as written.</summary>
    private static string AsGitNamesIt(string key)
    {
        var (first, last) = (key.IndexOf('.', StringComparison.Ordinal), key.LastIndexOf('.'));
        return key[..first].ToLowerInvariant() + key[first..last] + key[last..].ToLowerInvariant();
    }

    private static async Task<JsonElement> FetchOneAsync(TestCourse course, string repos, string repository)
    {
        var (exit, output, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--source", "local", "--repos", repos, "--json");
        Assert.True(exit == 0, error);
        var entry = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal(repository, entry.GetProperty("repository").GetString());
        return entry;
    }

    private static void Chown(string owner, string path)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", owner, path]) { RedirectStandardError = true })!;
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        Assert.True(chown.ExitCode == 0, $"chown (the test runs as root to hand a repository to another user): {error}");
    }
}
