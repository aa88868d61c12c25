using System.Text;
using Course.Grader.Submissions;

namespace Course.Grader.Tests.Submissions;

public sealed class TreePathTests
{
    [Theory]
    [InlineData("src/model.py")]
    [InlineData("données/é.txt")]
    [InlineData(".github/workflows/ci.yml")]
    public void Refuse_OrdinaryPath_Accepted(string path)
    {
        var reason = TreePath.Refuse(Encoding.UTF8.GetBytes(path), 1024, out var decoded);

        Assert.Null(reason);
        Assert.Equal(path, decoded);
    }

    [Theory]
    [InlineData("../escape", "'..'")]
    [InlineData("a/../../b", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("a/.git/hooks/pre-commit", ".git")]
    [InlineData("a/.GIT/config", ".git")]
    [InlineData("new\nline.txt", "control character")]
    public void Refuse_HostilePath_SaysWhy(string path, string fragment)
    {
        var reason = TreePath.Refuse(Encoding.UTF8.GetBytes(path), 1024, out _);

        Assert.Contains(fragment, reason);
    }

    [Fact]
    public void Refuse_InvalidUtf8_SaysWhy()
    {
        var reason = TreePath.Refuse(new byte[] { 0x61, 0xff, 0x62 }, 1024, out _);

        Assert.Contains("UTF-8", reason);
    }
}
