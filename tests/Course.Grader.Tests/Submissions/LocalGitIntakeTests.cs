using System.Text.Json;
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
        GitRepos.Run(bare, "config", "filter.evil.smudge", $"touch {marker}");
        GitRepos.Run(bare, "config", "filter.evil.clean", $"touch {marker}");
        GitRepos.Run(bare, "config", "core.fsmonitor", $"touch {marker}");
        File.WriteAllText(Path.Combine(bare, "hooks", "post-checkout"), $"#!/bin/sh\ntouch {marker}\n");
        File.SetUnixFileMode(Path.Combine(bare, "hooks", "post-checkout"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (exit, output, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--source", "local", "--repos", repos, "--json");

        Assert.True(exit == 0, error);
        var entry = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal("recorded", entry.GetProperty("status").GetString());
        var submission = await course.QueryAsync(db => db.Submissions.SingleAsync());
        Assert.Equal(("alice", commit, Now), (submission.Owner, submission.Commit, submission.ReceivedAt));
        Assert.Equal("echo hi\n", File.ReadAllText(Path.Combine(submission.SnapshotPath, "run.sh")));
        Assert.Equal("$Format:%H$\n", File.ReadAllText(Path.Combine(submission.SnapshotPath, "src", "version.txt")));
        Assert.False(File.Exists(Path.Combine(submission.SnapshotPath, "secret")));
        Assert.False(Directory.Exists(Path.Combine(submission.SnapshotPath, "vendor")));
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
    public async Task Fetch_MissingFolder_BadInputNamingIt()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now));

        var (exit, _, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", "/nonexistent/repos");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/repos", error);
    }
}
