using System.Text;
using Course.Grader.Submissions;
using Course.Grader.Tests.Intake;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Submissions;

public sealed class RepositoryVettingTests
{
    [Theory]
    [InlineData("init --bare")]
    [InlineData("init --bare --shared=group")]
    [InlineData("clone --bare")]
    [InlineData("clone --mirror")]
    public void Check_RepositoryAsGitMakesIt_AcceptedAndItsKeysReadAsGitReadsThem(string command)
    {
        using var temp = new TempFolder();
        var repos = temp.Combine("repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "source", new Dictionary<string, string> { ["run.sh"] = "echo hi\n" });
        var target = temp.Combine("target.git");
        var words = command.Split(' ');
        GitRepos.Run(temp.Path, [.. words, .. words[0] == "clone" ? new[] { "-q", Path.Combine(repos, "source.git") } : ["-q"], target]);

        RepositoryVetting.Check(target);

        var config = Path.Combine(target, "config");
        var ours = StrictGitConfig.Parse(File.ReadAllBytes(config)).Select(e => e.Key);
        var gits = GitRepos.Run(temp.Path, "config", "--file", config, "--no-includes", "--list", "--name-only").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(gits, ours);
    }

    [Theory]
    [InlineData("[core]\n\tbare = \"true\"\n", 2)]
    [InlineData("[core]\n\tbare = true \\\n\tfsmonitor = x\n", 2)]
    [InlineData("[core]\n\tbare = true ; a comment git drops\n", 2)]
    [InlineData("[core.sub]\n\tx = 1\n", 1)]
    [InlineData("[remote \"o\\\"x\"]\n\turl = a\n", 1)]
    [InlineData("bare = true\n", 1)]
    [InlineData("[core]\n\n\tbare = tr\u0001ue\n", 3)]
    public void Parse_SyntaxGitReadsThroughEscapesOrOtherwise_RefusedNamingTheLine(string config, int line)
    {
        var refused = Assert.Throws<IntakeException>(() => StrictGitConfig.Parse(Encoding.UTF8.GetBytes(config)));

        Assert.StartsWith($"refused: config line {line} ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainConfig_KeysAsGitNamesThemWithValues()
    {
        var entries = StrictGitConfig.Parse(Encoding.UTF8.GetBytes(
            "\uFEFF# made by hand\r\n[Core]\r\n\tBare\r\n  fileMode =  false  \r\n[remote \"Origin\"] ; the course copy\n\turl=/srv/hw1.git\n"));

        Assert.Equal([new("core.bare", null), new("core.filemode", "false"), new GitConfigEntry("remote.Origin.url", "/srv/hw1.git")], entries);
    }
}
