using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Submissions;

/// <summary>
/// <c>grader fetch --every</c>: one long-running intake that takes each push in at the next round, and skips, without
/// starting git, the repositories whose head has not moved (<see cref="KnownHeads"/>).
/// </summary>
public sealed class FetchEveryTests
{
    [Fact]
    public async Task FetchEvery_PushAfterTheFirstRound_RecordedAndQueuedAtALaterRoundThenStopsOnSigterm()
    {
        using var course = await TestCourse.CreateAsync(students: ["alice", "bob"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        var first = GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        using var intake = GraderProcess.Start(course, "fetch", TestCourse.Assignment, "--repos", repos, "--grade", "--every", "1s");
        await Eventually.WaitAsync(async () => await course.QueryAsync(db => db.Jobs.CountAsync()) == 2, TimeSpan.FromSeconds(60),
            () => intake.Output);
        // A round with nothing new: it lists nothing, counts the known repositories and queues nothing.
        await Eventually.WaitAsync(() => Task.FromResult(intake.Output.Contains("0 recorded, 2 already known, 0 skipped", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), () => intake.Output);

        var pushed = GitRepos.Push(repos, "hw1-alice", "run.sh", "echo 2\n");

        await Eventually.WaitAsync(async () => await course.QueryAsync(db => db.Jobs.CountAsync(j => j.Commit == pushed)) == 1,
            TimeSpan.FromSeconds(60), () => intake.Output);
        Assert.Equal(0, await intake.TerminateAsync(TimeSpan.FromSeconds(60)));
        var alice = await course.QueryAsync(db => db.Submissions.Where(s => s.Owner == "alice").Select(s => s.Commit).ToListAsync());
        Assert.Equal([first, pushed], alice.Order());
        Assert.Contains($"hw1-alice.git: recorded {ShortCommit.Of(pushed)}", intake.Output);
        Assert.DoesNotContain("hw1-bob.git: known", intake.Output);
    }

    [Fact]
    public async Task Fetch_SecondRoundInTheSameProcess_UnmovedHeadNotReadWithGitMovedHeadRecorded()
    {
        using var course = await TestCourse.CreateAsync(students: ["alice", "bob"]);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        var bobs = GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        await using var services = course.Services();
        Assert.All(await FetchAsync(services, repos), e => Assert.Equal(FetchStatus.Recorded, e.Status));
        // Bob's objects are gone: git could no longer read his repository, so a Known answer did not come from git.
        Directory.Delete(Path.Combine(repos, "hw1-bob.git", "objects"), recursive: true);
        var pushed = GitRepos.Push(repos, "hw1-alice", "run.sh", "echo 2\n");

        var second = await FetchAsync(services, repos);

        Assert.Equal((FetchStatus.Recorded, pushed), (second.Single(e => e.Owner == "alice").Status, second.Single(e => e.Owner == "alice").Commit));
        Assert.Equal((FetchStatus.Known, bobs), (second.Single(e => e.Owner == "bob").Status, second.Single(e => e.Owner == "bob").Commit));
    }

    [Fact]
    public async Task FetchEvery_ShorterThanASecond_RefusedNamingTheOption()
    {
        using var course = await TestCourse.CreateAsync();
        Directory.CreateDirectory(Path.Combine(course.Directory, "repos"));

        var (exit, _, error) = await course.RunAsync("fetch", TestCourse.Assignment, "--repos", "repos", "--every", "200ms");

        Assert.Equal(2, exit);
        Assert.Contains("--every: '200ms' is shorter than a second", error);
    }

    private static async Task<IReadOnlyList<FetchEntry>> FetchAsync(IServiceProvider services, string repos)
    {
        await using var scope = services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetServices<IIntakeSource>().Single(s => s.Name == "local");
        return await intake.FetchAsync(TestCourse.Assignment, repos, null, CancellationToken.None);
    }
}
