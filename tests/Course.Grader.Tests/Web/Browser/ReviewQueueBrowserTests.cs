using System.Net.Http.Headers;
using System.Net.Http.Json;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Tests.Grades.Review;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>
/// A TA works the review queue in a real browser (Debian's Chromium) against a real <c>grader serve</c>: overrides a timed-out
/// run's score with a reason, re-runs a job the infrastructure failed, gives rubric points on a written item, answers and resolves
/// a regrade request; each entry leaves the queue and the review is listed with the TA. Then the students see the new score and
/// the answer on their own grades page.
/// </summary>
public sealed class ReviewQueueBrowserTests : IAsyncLifetime
{
    private TestCourse _course = null!;
    private ServedCourse _served = null!;
    private ChromiumSession _chromium = null!;
    private Guid _infrastructureJob;

    public async Task InitializeAsync()
    {
        _course = await TestCourse.CreateAsync(students: ["ana", "ben", "cy"]);
        await ReviewWork.EditCourseAsync(_course, essay: true);
        await ReviewWork.ResultAsync(_course, "ana", Verdict.TimedOut, 0, stdout: "epoch 1 of 3\nepoch 2 of 3\n");
        _infrastructureJob = await ReviewWork.ResultAsync(_course, "ben", Verdict.InfrastructureFailure, 0);
        await ReviewWork.ResultAsync(_course, "cy", Verdict.Graded, 2);
        // Nothing is graded in the served process: the re-run job stays queued for the test to find.
        _served = await ServedCourse.StartAsync(_course, "--workers", "0");
        _chromium = await ChromiumSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _served.DisposeAsync();
        _course.Dispose();
    }

    [Fact(Timeout = 240_000)]
    public async Task Ta_WorksTheQueue_StudentsSeeTheNewScoreAndTheAnswer()
    {
        await AskForRegradeAsync("cy", ReviewWork.Essay, "proof", "My proof covers both cases, see page 2.");
        var ta = await _chromium.SignedInPageAsync(_served, ReviewWork.Ta);

        await ta.ClickAsync("header a:has-text(\"Review queue\")");
        await Assertions.Expect(Row(ta, TestCourse.Assignment)).ToContainTextAsync("2");
        await Assertions.Expect(Row(ta, ReviewWork.Essay)).ToContainTextAsync("1");
        await ta.ClickAsync($"main a:text-is(\"{TestCourse.Assignment}\")");
        await Assertions.Expect(Row(ta, "ana")).ToContainTextAsync("verdict: stopped at the time limit");
        await Assertions.Expect(Row(ta, "ben")).ToContainTextAsync("infrastructure:");

        // A timed-out run: the TA reads its log tail and sandbox result, and overrides the score with a reason.
        await ta.ClickAsync("main table a:text-is(\"ana\")");
        await Assertions.Expect(ta.Locator("main pre").First).ToContainTextAsync("epoch 2 of 3");
        await Assertions.Expect(ta.Locator("main")).ToContainTextAsync("\"verdict\": \"TimedOut\"");
        await ta.FillAsync("form.override input[name=score]", "0.9");
        await ta.FillAsync("form.override input[name=reason]", "stopped by a slow node in epoch 3 of 3; graded by hand");
        await ta.ClickAsync("form.override button");
        await Assertions.Expect(ta.Locator("p.notice")).ToContainTextAsync("Done: override ana: 0.9");
        await Assertions.Expect(ta.Locator("table.reviews")).ToContainTextAsync("override ana: 0.9");

        // An infrastructure failure: run the job again.
        await ta.GotoAsync($"/review/{TestCourse.Assignment}");
        await Assertions.Expect(ta.Locator("table.queue tr", new PageLocatorOptions { HasText = "ana" })).ToHaveCountAsync(0);
        await Assertions.Expect(Row(ta, "override ana")).ToContainTextAsync(ReviewWork.Ta);
        await ta.ClickAsync("main table.queue a:text-is(\"ben\")");
        await ta.ClickAsync("button:has-text(\"Run this job again\")");
        await Assertions.Expect(ta.Locator("p.notice")).ToContainTextAsync($"re-run of job {_infrastructureJob:N} queued");
        await ta.GotoAsync($"/review/{TestCourse.Assignment}");
        await Assertions.Expect(ta.Locator("main")).ToContainTextAsync("Nothing needs a person.");

        // A regrade of a written item: rubric points, an answer, then resolved.
        await ta.GotoAsync($"/review/{ReviewWork.Essay}");
        await Assertions.Expect(Row(ta, "cy")).ToContainTextAsync("regrade: open request on proof");
        await ta.ClickAsync("main table.queue a:text-is(\"cy\")");
        await ta.FillAsync("form.rubric input[name=points]", "4");
        await ta.FillAsync("form.rubric input[name=comment]", "both cases are proved");
        await ta.ClickAsync("form.rubric button");
        await Assertions.Expect(ta.Locator("p.notice")).ToContainTextAsync("rubric cy proof: 4 points");
        await ta.FillAsync("form.reply input[name=message]", "You are right: page 2 has the second case. Points added.");
        await ta.ClickAsync("form.reply button");
        await Assertions.Expect(ta.Locator("p.notice")).ToContainTextAsync("regrade answered");
        await ta.FillAsync("form.resolve input[name=reason]", "rubric points given for the proof");
        await ta.ClickAsync("form.resolve button");
        await Assertions.Expect(ta.Locator("p.notice")).ToContainTextAsync("regrade resolved (unchanged)");
        await ta.GotoAsync($"/review/{ReviewWork.Essay}");
        await Assertions.Expect(ta.Locator("main")).ToContainTextAsync("Nothing needs a person.");
        await Assertions.Expect(ta.Locator("table.reviews tr")).ToHaveCountAsync(4);

        Assert.Equal(JobState.Queued, await JobStateAsync(_infrastructureJob));
        foreach (var action in new[] { "review.override on hw1/ana", "review.rerun on hw1/ben", "review.rubric on essay/cy", "review.regrade.reply on essay/cy",
                     "review.regrade.resolve on essay/cy" })
        {
            Assert.Contains($"Staff action {action}", _served.Output, StringComparison.Ordinal);
        }

        Assert.Contains("by tia (ta)", _served.Output, StringComparison.Ordinal);
        var cy = await _chromium.SignedInPageAsync(_served, "cy");
        await cy.GotoAsync("/grades");
        await Assertions.Expect(cy.Locator("main")).ToContainTextAsync($"{ReviewWork.Essay}/cy none -> 1 rubric: proof: 4 of 4 points (both cases are proved)");
        await Assertions.Expect(cy.Locator("section.regrade")).ToContainTextAsync("You are right: page 2 has the second case. Points added.");
        await Assertions.Expect(cy.Locator("section.regrade")).ToContainTextAsync("Resolved by tia: score unchanged. rubric points given for the proof");
        var ana = await _chromium.SignedInPageAsync(_served, "ana");
        await ana.GotoAsync("/grades");
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync(
            $"{TestCourse.Assignment}/ana 0 -> 0.9 override: stopped by a slow node in epoch 3 of 3; graded by hand");
    }

    private static ILocator Row(IPage page, string text) => page.Locator("main table tr", new PageLocatorOptions { HasText = text }).First;

    private async Task AskForRegradeAsync(string login, string assignment, string item, string message)
    {
        using var http = new HttpClient { BaseAddress = _served.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _served.TokenAsync(login));
        using var asked = await http.PostAsJsonAsync("/api/regrades", new { assignment, item, message });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
    }

    private async Task<JobState> JobStateAsync(Guid job)
    {
        await using var services = _course.Services();
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GraderDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == job)).State;
    }
}
