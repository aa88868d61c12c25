using System.Diagnostics;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Submissions;

/// <summary>
/// A head read from a repository's files agrees with git, or is left to git: never a commit git would not give, and
/// never a read that blocks or leaves the repository.
/// </summary>
public sealed class KnownHeadsTests : IDisposable
{
    private readonly string _repos = Path.Combine(Path.GetTempPath(), $"course-heads-{Guid.NewGuid():N}", "repos");

    public KnownHeadsTests() => Directory.CreateDirectory(_repos);

    [Fact]
    public void HeadOf_PackedByCloneThenLooseAfterAPush_AgreesWithGit()
    {
        var cloned = GitRepos.CreateBare(_repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        var bare = Path.Combine(_repos, "hw1-alice.git");
        Assert.False(File.Exists(Path.Combine(bare, "refs", "heads", "main")));
        Assert.Equal(cloned, KnownHeads.HeadOf(bare));

        var pushed = GitRepos.Push(_repos, "hw1-alice", "run.sh", "echo 2\n");

        Assert.Equal(pushed, KnownHeads.HeadOf(bare));
        Assert.Equal(pushed, GitRepos.Run(bare, "rev-parse", "HEAD").Trim());
    }

    [Fact]
    public void HeadOf_RefsFolderLinkedElsewhere_LeftToGit()
    {
        GitRepos.CreateBare(_repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        var other = GitRepos.CreateBare(_repos, "hw1-bob", new Dictionary<string, string> { ["run.sh"] = "echo 2\n" });
        GitRepos.Push(_repos, "hw1-bob", "run.sh", "echo 3\n");
        var bare = Path.Combine(_repos, "hw1-alice.git");
        Directory.Delete(Path.Combine(bare, "refs", "heads"));
        Directory.CreateSymbolicLink(Path.Combine(bare, "refs", "heads"), Path.Combine(_repos, "hw1-bob.git", "refs", "heads"));

        Assert.NotEqual(other, KnownHeads.HeadOf(bare));
        Assert.Null(KnownHeads.HeadOf(bare));
    }

    [Fact]
    public async Task HeadOf_RefIsAPipe_LeftToGitWithoutBlocking()
    {
        GitRepos.CreateBare(_repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        var bare = Path.Combine(_repos, "hw1-alice.git");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(bare, "refs", "heads", "main")]))
        {
            mkfifo.WaitForExit();
        }

        var head = Task.Run(() => KnownHeads.HeadOf(bare));

        Assert.True(await Task.WhenAny(head, Task.Delay(TimeSpan.FromSeconds(10))) == head, "reading the head blocked on a pipe");
        Assert.Null(await head);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567\n", "detached: git would answer, and the files cannot say what changed it")]
    [InlineData("ref: refs/heads/../../config\n", "a ref that climbs out of refs")]
    [InlineData("ref: refs/tags/v1\n", "not a branch")]
    public void HeadOf_UnusualHead_LeftToGit(string head, string why)
    {
        GitRepos.CreateBare(_repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "echo 1\n" });
        var bare = Path.Combine(_repos, "hw1-alice.git");
        File.WriteAllText(Path.Combine(bare, "HEAD"), head);

        Assert.True(KnownHeads.HeadOf(bare) is null, why);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_repos)!, recursive: true);
}
