using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Course.Grader.Tests.Support;
using Microsoft.Playwright;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>
/// The instructor console in a real browser (Debian's Chromium) against a real <c>grader serve</c>, after a competition's
/// deadline: the instructor finalizes the board, imports codes (a file with a bad line is refused whole, naming the line),
/// runs a policy, and the student sees their code and their final standing; a TA is refused the console and its actions.
/// </summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private const string Ta = "tia";
    private const string Policy = "welcome";

    private TestCourse _course = null!;
    private ServedCourse _served = null!;
    private ChromiumSession _chromium = null!;

    public async Task InitializeAsync()
    {
        _course = await TestCourse.CreateAsync(competition: true, credits: true, students: ["ana", "ben"]);
        await AddTaAndPolicyAsync(_course.CourseFile);
        // Both teams submit before the deadline (2026-10-12); ana leads the public board, ben the private one.
        _course.Settings["Clock:Now"] = "2026-10-10T12:00:00+00:00";
        await SubmitAsync("ana", "id,label\n1,a\n2,b\n3,b\n4,a\n");
        await SubmitAsync("ben", "id,label\n1,a\n2,a\n3,a\n4,b\n");
        _course.Settings["Clock:Now"] = "2026-10-20T12:00:00+00:00";
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
    public async Task Instructor_FinalizesImportsAndIssues_StudentSeesTheirCodeAndStanding()
    {
        var prof = await _chromium.SignedInPageAsync(_served, "prof");
        await prof.ClickAsync("header a:has-text(\"Console\")");
        var board = prof.Locator("table tr", new PageLocatorOptions { HasText = TestCourse.Competition });
        await board.Locator("button", new LocatorLocatorOptions { HasText = "Close and finalize" }).ClickAsync();
        await Assertions.Expect(prof.Locator("p.notice")).ToContainTextAsync($"{TestCourse.Competition} is closed and finalized");
        await Assertions.Expect(board).ToContainTextAsync("private board and shake-up");

        await prof.ClickAsync("nav a:has-text(\"Credits\")");
        await ImportAsync(prof, "codes.csv", "code\nAWS-GOOD-0001\nnot a code!\nAWS-GOOD-0002\n");
        await Assertions.Expect(prof.Locator("p.error")).ToContainTextAsync("codes.csv:3: code is malformed");
        await Assertions.Expect(prof.Locator("p.error")).ToContainTextAsync("nothing imported (1 problem(s) in 3 row(s))");
        await Assertions.Expect(prof.Locator("text=No codes imported yet.")).ToBeVisibleAsync();
        Assert.DoesNotContain("not a code!", await prof.ContentAsync(), StringComparison.Ordinal);
        await ImportAsync(prof, "codes.csv", "code\nAWS-GOOD-0001\nAWS-GOOD-0002\n");
        await Assertions.Expect(prof.Locator("p.notice")).ToContainTextAsync("Imported 2 aws code(s) of 50");
        var policy = prof.Locator("table tr", new PageLocatorOptions { HasText = Policy });
        await policy.Locator("button", new LocatorLocatorOptions { HasText = "Issue" }).ClickAsync();
        await Assertions.Expect(prof.Locator("p.notice")).ToContainTextAsync($"Policy {Policy}: 2 issued, 0 already issued, 0 none left.");
        await Assertions.Expect(prof.Locator("table tr", new PageLocatorOptions { HasText = "aws" }).First).ToContainTextAsync("Issued 2");

        var ana = await _chromium.SignedInPageAsync(_served, "ana");
        await ana.GotoAsync("/credits");
        var held = ana.Locator("table").First.Locator("tr", new LocatorLocatorOptions { HasText = "aws 50" });
        await Assertions.Expect(held).ToContainTextAsync("issued");
        Assert.DoesNotContain("AWS-GOOD-000", await ana.ContentAsync(), StringComparison.Ordinal);
        await ana.GotoAsync($"/leaderboard/{TestCourse.Competition}");
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync("final standings on the private part");
        var standing = ana.Locator("table tr", new PageLocatorOptions { HasText = "ana" });
        await Assertions.Expect(standing.Locator("td").First).ToHaveTextAsync("2");
        await Assertions.Expect(standing).ToContainTextAsync("0.00000");
        await Eventually.WaitAsync(() => Task.FromResult(_served.Output.Contains($"Staff action credits policy run on policy {Policy}: 2 issued, 0 none left by prof (instructor)",
            StringComparison.Ordinal)), TimeSpan.FromSeconds(10), () => _served.Output);
        Assert.Contains($"Staff action board finalized on {TestCourse.Competition} by prof (instructor)", _served.Output, StringComparison.Ordinal);
        Assert.Contains("Staff action credit codes imported on batch ", _served.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ta_IsRefusedTheConsoleAndItsActions()
    {
        var tia = await _chromium.SignedInPageAsync(_served, Ta);
        Assert.Equal(0, await tia.Locator("header a:has-text(\"Console\")").CountAsync());

        var console = await tia.GotoAsync("/console");
        var credits = await tia.GotoAsync("/console/credits");
        // The TA's own session cookie and a valid antiforgery token from a page they may see: refused all the same.
        await tia.GotoAsync($"/leaderboard/{TestCourse.Competition}");
        var token = await tia.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var finalize = await tia.Context.APIRequest.PostAsync($"/console/leaderboard/{TestCourse.Competition}/finalize",
            new APIRequestContextOptions { Form = tia.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!) });
        using var http = new HttpClient { BaseAddress = _served.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _served.TokenAsync(Ta));
        using var api = await http.PostAsync($"/api/leaderboard/{TestCourse.Competition}/finalize", null);

        Assert.Equal(403, console!.Status);
        Assert.Equal(403, credits!.Status);
        Assert.Equal(403, finalize.Status);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var board = await _chromium.NewPageAsync(_served);
        await board.GotoAsync($"/leaderboard/{TestCourse.Competition}");
        await Assertions.Expect(board.Locator("main")).ToContainTextAsync("scores on the public part");
    }

    private static async Task ImportAsync(IPage page, string name, string content)
    {
        await page.FillAsync("input[name=value]", "50");
        await page.SetInputFilesAsync("input[name=codes]", new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await page.ClickAsync("form[action='/console/credits/import'] button");
    }

    private async Task SubmitAsync(string team, string predictions)
    {
        var file = Path.Combine(_course.Directory, $"predictions-{team}.csv");
        await File.WriteAllTextAsync(file, predictions);
        var submit = await _course.RunAsync("leaderboard", "submit", TestCourse.Competition, "--team", team, "--file", file);
        Assert.True(submit.Exit == 0, submit.Error);
    }

    private static async Task AddTaAndPolicyAsync(string courseFile)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(courseFile))!;
        json["staff"]!.AsArray().Add(new JsonObject { ["login"] = Ta, ["role"] = "ta", ["name"] = "Tia", ["email"] = "tia@example.edu" });
        json["credits"]!["policies"]!.AsArray().Add(new JsonObject
        {
            ["name"] = Policy, ["kind"] = "perStudent", ["provider"] = "aws", ["value"] = 50,
        });
        await File.WriteAllTextAsync(courseFile, json.ToJsonString());
    }
}
