using Course.Grader.Tests.Support;
using Microsoft.Playwright;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>
/// The pages in a real browser (Debian's Chromium through Playwright) against a real
/// <c>grader serve</c>: sign in with a token, upload predictions, read the board, and a hostile
/// file's text shown as text.
/// </summary>
public sealed class PagesBrowserTests : IAsyncLifetime
{
    private TestCourse _course = null!;
    private ServedCourse _served = null!;
    private ChromiumSession _chromium = null!;
    private readonly List<string> _files = [];

    public async Task InitializeAsync()
    {
        // The course clock of the served process: inside the competition's submission window.
        _course = await TestCourse.CreateAsync(competition: true, deadline: "2099-01-01T00:00", credits: true, students: ["ana", "ben"]);
        _served = await ServedCourse.StartAsync(_course);
        _chromium = await ChromiumSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _served.DisposeAsync();
        _course.Dispose();
    }

    [Fact]
    public async Task Student_SignsInUploadsAndSeesTheBoard()
    {
        var page = await SignedInPageAsync("ana");
        await page.GotoAsync($"/leaderboard/{TestCourse.Competition}");

        await page.SetInputFilesAsync("input[name=predictions]", Write("id,label\n1,a\n2,a\n3,a\n4,b\n"));
        await page.ClickAsync("main form button");

        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("public score 0.5");
        var row = page.Locator("table tr", new PageLocatorOptions { HasText = "ana" });
        await Assertions.Expect(row).ToContainTextAsync("0.50000");
        await Assertions.Expect(page.Locator("text=Submissions left today: 1")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h2", new PageLocatorOptions { HasText = "Your submissions" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Student_AsksForACreditCode_ThenReportsThatItWontRedeem()
    {
        var codes = Write("code\nAWS-EXTRA-0001\n");
        var import = await _course.RunAsync("credits", "import", codes, "--provider", "aws", "--value", "50");
        Assert.True(import.Exit == 0, import.Error);
        var page = await SignedInPageAsync("ana");
        await page.GotoAsync("/");
        await page.ClickAsync("text=Your compute credits");
        var policy = page.Locator("table tr", new PageLocatorOptions { HasText = TestCourse.CreditPolicy });
        await Assertions.Expect(policy).ToContainTextAsync("0 of 1");

        await policy.Locator("button", new LocatorLocatorOptions { HasText = "Request" }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("is yours; it is on its way by e-mail");
        var code = page.Locator("table tr", new PageLocatorOptions { HasText = "aws 50" }).First;
        await Assertions.Expect(code).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasText = "Request" })).ToHaveCountAsync(0);
        await code.Locator("input[name=reason]").FillAsync("AWS says: this promotion code is invalid");
        await code.Locator("button", new LocatorLocatorOptions { HasText = "It won't redeem" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Reported");
        await Assertions.Expect(page.Locator("table tr", new PageLocatorOptions { HasText = "aws 50" }).First).ToContainTextAsync("problem reported");
        Assert.DoesNotContain("AWS-EXTRA-0001", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileIdInAnUpload_IsShownAsTextNeverRun()
    {
        var page = await SignedInPageAsync("ben");
        await page.GotoAsync($"/leaderboard/{TestCourse.Competition}");
        var title = await page.TitleAsync();

        await page.SetInputFilesAsync("input[name=predictions]", Write("id,label\n<img src=x onerror=document.title=1>,a\n"));
        await page.ClickAsync("main form button");

        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("id '<img src=x onerror=document.title=1>' is not an id of the test set");
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(title, await page.TitleAsync());
    }

    [Fact]
    public async Task Anonymous_ReadsTheBoardWithoutMembersAndCannotUpload()
    {
        var student = await SignedInPageAsync("ana");
        await student.GotoAsync($"/leaderboard/{TestCourse.Competition}");
        await student.SetInputFilesAsync("input[name=predictions]", Write("id,label\n1,a\n2,b\n3,a\n4,b\n"));
        await student.ClickAsync("main form button");
        await Assertions.Expect(student.Locator("p.notice")).ToContainTextAsync("public score 1");

        var anonymous = await _chromium.NewPageAsync(_served);
        var response = await anonymous.GotoAsync($"/leaderboard/{TestCourse.Competition}");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(anonymous.Locator("table tr", new PageLocatorOptions { HasText = "ana" })).ToContainTextAsync("1.00000");
        Assert.Equal(0, await anonymous.Locator("th", new PageLocatorOptions { HasText = "Members" }).CountAsync());
        Assert.Equal(0, await anonymous.Locator("input[type=file]").CountAsync());
        Assert.StartsWith("default-src 'none'", response.Headers["content-security-policy"], StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Student_PushesAndReadsTheFeedbackWithItsTrainingCurve()
    {
        // Graded by the worker inside `grader serve` (no separate worker process).
        var repos = Path.Combine(_course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-ana", new Dictionary<string, string>
        {
            ["run.sh"] = """
                echo '{"sum": 42, "items": [1, 2, 3]}' > /out/result.json
                printf '{"step": 1, "loss": 2.3, "accuracy": 0.1}\n{"step": 2, "loss": 1.2, "accuracy": 0.6}\n' > /out/metrics.jsonl
                """,
        });
        Assert.Equal(0, (await _course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await _course.RunAsync("grade", TestCourse.Assignment)).Exit);
        var page = await SignedInPageAsync("ana");

        await page.ClickAsync("h2:has-text(\"Your submissions\") + table a");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 / 2", new() { Timeout = 180_000 });
        var curve = page.Locator("main img");
        await Assertions.Expect(curve).ToHaveCountAsync(1);
        // The curve may still be on its way when the page is shown: wait for it to load or fail, then look at it.
        var width = await curve.EvaluateAsync<int>(
            "image => image.complete ? image.naturalWidth : new Promise(done => { image.onload = () => done(image.naturalWidth); image.onerror = () => done(0); })");
        Assert.True(width > 0, "the training curve did not load");
        await Assertions.Expect(page.Locator("main h2", new PageLocatorOptions { HasText = "Training" })).ToBeVisibleAsync();
    }

    private Task<IPage> SignedInPageAsync(string login) => _chromium.SignedInPageAsync(_served, login);

    private string Write(string content)
    {
        var path = Path.Combine(_course.Directory, $"upload-{_files.Count}.csv");
        File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }
}
