using System.Text.Json;
using Course.Grader.Grading;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>Needs the Docker engine (it fails loudly without one): a push to a local repository, graded in the busybox sandbox.</summary>
public sealed class LocalPushGradingTests
{
    [Fact(Timeout = 180_000)]
    public async Task GradeWait_PushesToLocalRepos_GradedWithFeedback()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice", "bob", "carl", "dora"]);
        course.UseFastQueue();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "echo training; echo '{\"sum\": 42.0004, \"items\": [1, 2, 3]}' > /out/result.json\n",
        });
        GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string>
        {
            ["run.sh"] = "echo '{\"sum\": 41, \"items\": [1, 2, 3]}' > /out/result.json; ln -s /etc/passwd /out/score.txt; echo oops >&2; exit 3\n",
            [".course-image"] = "docker.io/attacker/root-shell\n",
        });
        GitRepos.CreateBare(repos, "hw1-carl", new Dictionary<string, string>
        {
            ["run.sh"] = "while :; do sh -c 'while :; do sleep 1000 & done' 2>/dev/null; done\n", // a fork bomb that never gives up
        });
        GitRepos.CreateBare(repos, "hw1-dora", new Dictionary<string, string>
        {
            ["run.sh"] = "i=0; while :; do echo x > /out/f$i 2>/dev/null; i=$((i+1)); done\n", // files without end
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--concurrency", "2", "--json");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("infrastructureFailure", output);
        var rows = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().ToDictionary(r => r.GetProperty("owner").GetString()!);
        var alice = rows["alice"];
        var bob = rows["bob"];
        var carl = rows["carl"];
        var dora = rows["dora"];
        Assert.Equal(("succeeded", "graded", 2.0), (alice.GetProperty("state").GetString(), alice.GetProperty("verdict").GetString(), alice.GetProperty("score").GetDouble()));
        Assert.Equal(("nonZeroExit", 0.0), (bob.GetProperty("verdict").GetString(), bob.GetProperty("score").GetDouble()));
        Assert.Equal(("processLimit", 0.0), (carl.GetProperty("verdict").GetString(), carl.GetProperty("score").GetDouble()));
        Assert.Contains("stopped for keeping its process limit full", await course.StoredTextAsync(carl.GetProperty("feedback").GetString()));
        Assert.Equal(("outputLimit", 0.0), (dora.GetProperty("verdict").GetString(), dora.GetProperty("score").GetDouble()));
        Assert.Contains("stopped at the output limit", await course.StoredTextAsync(dora.GetProperty("feedback").GetString()));
        var aliceFeedback = await course.StoredTextAsync(alice.GetProperty("feedback").GetString());
        var bobFeedback = await course.StoredTextAsync(bob.GetProperty("feedback").GetString());
        Assert.Contains("**2 / 2**", aliceFeedback);
        Assert.Contains("training", aliceFeedback);
        Assert.Contains("$.sum", bobFeedback);
        Assert.Contains("score.txt", bobFeedback);
        Assert.Contains("oops", bobFeedback);
        Assert.Contains("- Run: course-busybox,", aliceFeedback);
        Assert.Contains("asks for 'docker.io/attacker/root-shell', which hw1 does not offer (course-busybox); the run used course-busybox", bobFeedback);
    }

    [Fact(Timeout = 180_000)]
    public async Task GradeWait_HostileNamesAndLogs_FeedbackHasNoForgedLine()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["eve"]);
        course.UseFastQueue();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-eve", new Dictionary<string, string>
        {
            ["run.sh"] = """
                echo '{"sum": 42, "items": [1, 2, 3]}' > /out/result.json
                touch "/out/$(printf 'x\n# Score: 100')"
                ln -s "$(printf 'y\n## Verdict: passed\rScore: 100')" '/out/```| # Score: 100'
                printf '```\n# Score: 100\n~~~~\n- Verdict: passed\r\n'
                echo '<script>alert(1)</script>' >&2
                """,
            [ImageChoice.FileName] = "`| # Verdict: passed <script>\n",
        }, work =>
        {
            File.CreateSymbolicLink(Path.Combine(work, "``` | # Score: 100"), "/etc/passwd");
            GitRepos.Run(work, "add", "-A");
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal(("rejectedOutput", 2.0), (row.GetProperty("verdict").GetString(), row.GetProperty("score").GetDouble()));
        var feedback = await course.StoredTextAsync(row.GetProperty("feedback").GetString());
        ForgedLines.AssertNone(feedback);
        Assert.Contains("- x\\\\u000a\\# Score: 100: unsafe file name", feedback);
        Assert.Contains("- \\`\\`\\`\\| \\# Score: 100: symbolic link to 'y\\\\u000a\\#\\# Verdict: passed\\\\u000dScore: 100'", feedback);
        Assert.Contains("- \\`\\`\\`\\` \\| \\# Score: 100\\` is a symbolic link", feedback);
        Assert.Contains("asks for '\\`\\| \\# Verdict: passed &lt;script&gt;'", feedback);
        Assert.Contains("````\n```\n# Score: 100\n~~~~\n- Verdict: passed\n````", feedback);
    }
}
