using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary><c>/api/credits</c>: a student's own credits, requests within the allowance, and the holder's reports.</summary>
public sealed class CreditsApiTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
            TestCourse.CreateAsync(credits: true, students: ["ana", "ben"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Student_RequestsWithinAllowance_SeesTheCodeGoOutAndConfirmsIt()
    {
        await ImportCodesAsync(2);
        await _bed.SignInAsync("ana");
        var before = await CreditsAsync();

        var first = await RequestAsync(TestCourse.CreditPolicy);
        var firstAnswer = await AnswerAsync(first);
        var again = await RequestAsync(TestCourse.CreditPolicy);
        var againAnswer = await AnswerAsync(again);
        var waiting = await CreditsAsync();
        Assert.Equal(0, (await _bed.Course.RunAsync("credits", "send")).Exit);
        var emailed = await CreditsAsync();
        var confirmed = await _bed.Client.PostAsync($"/api/credits/{Id(firstAnswer)}/redeemed", null);
        var after = await CreditsAsync();

        Assert.Equal(0, before.GetProperty("codes").GetArrayLength());
        Assert.Equal((0, 1), Requested(before));
        Assert.Equal((HttpStatusCode.Created, "issued"), (first.StatusCode, firstAnswer.GetProperty("outcome").GetString()));
        Assert.Equal((HttpStatusCode.OK, "alreadyIssued", Id(firstAnswer)), (again.StatusCode, againAnswer.GetProperty("outcome").GetString(), Id(againAnswer)));
        var code = Assert.Single(waiting.GetProperty("codes").EnumerateArray());
        Assert.Equal(("issued", JsonValueKind.Null), (code.GetProperty("status").GetString(), code.GetProperty("emailedAt").ValueKind));
        Assert.Equal((1, 1), Requested(waiting));
        var sent = emailed.GetProperty("codes")[0];
        Assert.Equal(("sent", "ana@example.edu"), (sent.GetProperty("status").GetString(), sent.GetProperty("emailedTo").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal("redeemed", after.GetProperty("codes")[0].GetProperty("status").GetString());
        Assert.DoesNotContain("AWS-EXTRA", (await _bed.Client.GetStringAsync("/api/credits")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherStudentsCodes_AreNotFoundOrForbidden_StaffReadButCannotRequest()
    {
        await ImportCodesAsync(1);
        await _bed.SignInAsync("ana");
        var codeId = Id(await AnswerAsync(await RequestAsync(TestCourse.CreditPolicy)));

        await _bed.SignInAsync("ben");
        var confirm = await _bed.Client.PostAsync($"/api/credits/{codeId}/redeemed", null);
        var report = await _bed.Client.PostAsJsonAsync($"/api/credits/{codeId}/problem", new { reason = "not mine" });
        var missing = await _bed.Client.PostAsync("/api/credits/000000000000/redeemed", null);
        var peek = await _bed.Client.GetAsync("/api/credits?student=ana");
        await _bed.SignInAsync("prof");
        var staffView = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/credits?student=ana");
        var staffRequest = await _bed.Client.PostAsJsonAsync("/api/credits/requests", new { policy = TestCourse.CreditPolicy });
        var unnamed = await _bed.Client.GetAsync("/api/credits");
        var stranger = await _bed.Client.GetAsync("/api/credits?student=nobody");

        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await DetailAsync(confirm), (await DetailAsync(missing)).Replace("000000000000", codeId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Equal(codeId, staffView.GetProperty("codes")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, staffRequest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("?student=LOGIN", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Theory]
    [InlineData("", "reason: say what happened")]
    [InlineData("   ", "reason: say what happened")]
    [InlineData("fine\u001b[2J\rgrader: all codes redeemed", "reason: one line of text, without control characters")]
    public async Task ProblemReport_EmptyOrControlCharacters_Is400NamingTheReason(string reason, string expected)
    {
        await ImportCodesAsync(1);
        await _bed.SignInAsync("ana");
        var codeId = Id(await AnswerAsync(await RequestAsync(TestCourse.CreditPolicy)));

        var response = await _bed.Client.PostAsJsonAsync($"/api/credits/{codeId}/problem", new { reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("issued", (await CreditsAsync()).GetProperty("codes")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ProblemReport_ByTheHolder_ReachesStaffStatusWithTheReason()
    {
        await ImportCodesAsync(1);
        await _bed.SignInAsync("ana");
        var codeId = Id(await AnswerAsync(await RequestAsync(TestCourse.CreditPolicy)));

        var response = await _bed.Client.PostAsJsonAsync($"/api/credits/{codeId}/problem", new { reason = "AWS says: promotion code invalid" });
        var (exit, status, _) = await _bed.Course.RunAsync("credits", "status", "--json");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("problem", (await CreditsAsync()).GetProperty("codes")[0].GetProperty("status").GetString());
        Assert.Equal(0, exit);
        var problem = Assert.Single(JsonDocument.Parse(status).RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal((codeId, "AWS says: promotion code invalid"), (problem.GetProperty("codeId").GetString(), problem.GetProperty("note").GetString()));
    }

    [Theory]
    [InlineData(0, "extra", HttpStatusCode.Conflict, "No aws code worth 50 is left right now")]
    [InlineData(1, "welcome", HttpStatusCode.NotFound, "credits policy 'welcome' is not in course.json")]
    [InlineData(1, "", HttpStatusCode.BadRequest, "policy: name the credits policy to request")]
    public async Task Request_NoneLeftUnknownOrMissingPolicy_SaysWhy(int codes, string policy, HttpStatusCode expected, string message)
    {
        await ImportCodesAsync(codes);
        await _bed.SignInAsync("ana");

        var response = await RequestAsync(policy);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await CreditsAsync()).GetProperty("codes").GetArrayLength());
    }

    private async Task ImportCodesAsync(int count)
    {
        if (count == 0)
        {
            return;
        }

        var file = Path.Combine(_bed.Course.Directory, "codes.csv");
        await File.WriteAllLinesAsync(file, ["code", .. Enumerable.Range(1, count).Select(i => $"AWS-EXTRA-{i:0000}")]);
        var (exit, _, error) = await _bed.Course.RunAsync("credits", "import", file, "--provider", "aws", "--value", "50");
        Assert.True(exit == 0, error);
    }

    private Task<HttpResponseMessage> RequestAsync(string policy) => _bed.Client.PostAsJsonAsync("/api/credits/requests", new { policy });

    private async Task<JsonElement> CreditsAsync() => await _bed.Client.GetFromJsonAsync<JsonElement>("/api/credits");

    private static (int Held, int Allowance) Requested(JsonElement credits)
    {
        var policy = Assert.Single(credits.GetProperty("requestable").EnumerateArray());
        return (policy.GetProperty("held").GetInt32(), policy.GetProperty("allowance").GetInt32());
    }

    private static async Task<JsonElement> AnswerAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await AnswerAsync(response)).GetProperty("detail").GetString()!;

    private static string Id(JsonElement answer) => answer.GetProperty("codeId").GetString()!;
}
