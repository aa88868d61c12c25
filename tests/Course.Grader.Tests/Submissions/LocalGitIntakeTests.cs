using System.Text.Json;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Submissions;

public sealed class LocalGitIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 11, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_HostileRepository_SnapshotsFilesWithoutRunningAnything()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        var marker = Path.Combine(course.Directory, "pwned");
        var commit = GitRepos.CreateBare(repos, "hw1-gh-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "echo hi\n",
            ["src/version.txt"] = "$Format:%H$\n",
            [".gitattributes"] = "* filter=evil\nsrc/version.txt export-subst\n",
            ["weights.bin"] = "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n",
            ["odd\nname.txt"] = "x",
        }, work =>
        {
            File.CreateSymbolicLink(Path.Combine(work, "secret"), "/etc/shadow");
            GitRepos.Run(work, "add", "secret");
            GitRepos.Run(work, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,vendor/lib");
        });
        var bare = Path.Combine(repos, "hw1-gh-alice.git");
        // A repository whose config names programs (the filter, fsmonitor) is refused outright: RepositoryRefusalTests.
        File.WriteAllText(Path.Combine(bare, "hooks", "post-checkout"), $"#!/bin/sh\ntouch {marker}\n");
        File.SetUnixFileMode(Path.Combine(bare, "hooks", "post-checkout"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (exit, output, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--source", "local", "--repos", repos, "--json");

        Assert.True(exit == 0, error);
        var entry = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal("recorded", entry.GetProperty("status").GetString());
        var submission = await course.QueryAsync(db => db.Submissions.SingleAsync());
        Assert.Equal(("alice", commit, Now), (submission.Owner, submission.Commit, submission.ReceivedAt));
        var snapshot = await course.UnpackAsync(submission.SnapshotKey);
        Assert.Equal("echo hi\n", File.ReadAllText(Path.Combine(snapshot, "run.sh")));
        Assert.Equal("$Format:%H$\n", File.ReadAllText(Path.Combine(snapshot, "src", "version.txt")));
        Assert.False(File.Exists(Path.Combine(snapshot, "secret")));
        Assert.False(Directory.Exists(Path.Combine(snapshot, "vendor")));
        Assert.False(File.Exists(marker));
        Assert.Contains("submodule", submission.IntakeNotes);
        Assert.Contains("symbolic link", submission.IntakeNotes);
        Assert.Contains("LFS pointer", submission.IntakeNotes);
        Assert.Contains("control character", submission.IntakeNotes);
    }

    [Fact]
    public async Task Fetch_Twice_KeepsFirstReceivedAtAndRecordsNewPushOnly()
    {
        var clock = new FakeTimeProvider(Now);
        using var course = await TestCourse.CreateAsync(clock, students: ["alice", "bob"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateBare(repos, "hw1-mallory", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        clock.Advance(TimeSpan.FromDays(3));
        var pushed = GitRepos.Push(repos, "hw1-alice", "run.sh", "echo 2\n");
        var (exit, output, _) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos);

        Assert.Equal(0, exit);
        Assert.Contains("1 recorded, 1 already known, 1 skipped", output);
        Assert.Contains("LATE", output);
        var submissions = await course.QueryAsync(db => db.Submissions.OrderBy(s => s.ReceivedAt).ToListAsync());
        Assert.Equal(3, submissions.Count);
        Assert.Equal(Now, submissions.Single(s => s.Owner == "bob").ReceivedAt);
        Assert.Equal(Now.AddDays(3), submissions.Single(s => s.Commit == pushed).ReceivedAt);
    }

    [Fact]
    public async Task Fetch_TreeBombAndRepositoriesWithoutCommits_SkippedWithReasonsOthersRecorded()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice", "bob", "carol", "dave"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        var commit = GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateTreeBomb(repos, "hw1-bob", width: 10, depth: 6);
        GitRepos.Run(repos, "init", "-q", "--bare", "hw1-carol.git");
        Directory.CreateDirectory(Path.Combine(repos, "hw1-dave.git"));

        var (exit, output, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos, "--json");

        Assert.True(exit == 0, error);
        var entries = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray()
            .ToDictionary(e => e.GetProperty("repository").GetString()!, e => (Status: e.GetProperty("status").GetString(), Message: e.GetProperty("message").GetString()));
        Assert.Equal("recorded", entries["hw1-alice.git"].Status);
        Assert.Equal("skipped", entries["hw1-bob.git"].Status);
        Assert.Contains("more than 10000 files and folders", entries["hw1-bob.git"].Message);
        Assert.Equal(("skipped", "no commits (or not a git repository)"), entries["hw1-carol.git"]);
        Assert.Equal(("skipped", "no commits (or not a git repository)"), entries["hw1-dave.git"]);
        var submission = await course.QueryAsync(db => db.Submissions.SingleAsync());
        Assert.Equal(commit, submission.Commit);
        // The refused trees left nothing in the store or in scratch space.
        Assert.NotNull(submission.SnapshotKey);
        Assert.Equal(1, await course.QueryAsync(db => db.Blobs.CountAsync(b => b.Key == submission.SnapshotKey)));
        Assert.Equal(2, await course.CountAsync<StoredBlob>()); // the snapshot and the calibration TestCourse keeps
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(course.Directory, "grading", "staging")));
    }

    [Fact]
    public async Task FetchWithGrade_QueuesRecordedSubmissionsOnce()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["alice", "bob"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string> { ["run.sh"] = "echo 2\n" });

        var first = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos, "--grade");
        var again = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos, "--grade", "--json");

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("2 job(s) queued, 0 already queued or graded", first.Out);
        var json = JsonSerializer.Deserialize<JsonElement>(again.Out);
        Assert.Equal((0, 2), (json.GetProperty("jobsQueued").GetInt32(), json.GetProperty("jobsKnown").GetInt32()));
        Assert.All(json.GetProperty("entries").EnumerateArray(), e => Assert.Equal("known", e.GetProperty("status").GetString()));
        var jobs = await course.QueryAsync(db => db.Jobs.OrderBy(j => j.Owner).Select(j => j.Owner).ToListAsync());
        Assert.Equal(["alice", "bob"], jobs);
    }

    [Fact]
    public async Task Fetch_MissingFolder_BadInputNamingIt()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now));

        var (exit, _, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", "/nonexistent/repos");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/repos", error);
    }
}
