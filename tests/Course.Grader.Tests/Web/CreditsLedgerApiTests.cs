using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Credits.Ledger;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// <c>/api/credits/ledger</c> (instructors): an import whose file has a bad line is refused whole, naming the sent file's
/// line and never the server's folder; a clean file is imported, a policy run issues a code to each student, a problem is
/// replaced, each in the ledger's audit under the instructor's login.
/// </summary>
public sealed class CreditsLedgerApiTests : IAsyncLifetime
{
    private const string Policy = "welcome";

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), CourseAsync());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ImportWithABadLine_IsRefusedWholeNamingTheLine_ACleanFileIsImportedAndIssued()
    {
        await _bed.SignInAsync("prof");

        using var refused = await ImportAsync("code\nAWS-GOOD-0001\nAWS-GOOD-0001\nAWS-GOOD-0002\n");
        var problem = await refused.Content.ReadAsStringAsync();
        var empty = await LedgerAsync();
        using var imported = await ImportAsync("code\nAWS-GOOD-0001\nAWS-GOOD-0002\n");
        using var issued = await _bed.Client.PostAsync($"/api/credits/ledger/policies/{Policy}/issue", null);
        var report = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        var after = await LedgerAsync();
        await using var scope = _bed.Factory.Services.CreateAsyncScope();
        var actors = await scope.ServiceProvider.GetRequiredService<CreditsDbContext>().Audit
            .Where(a => a.Action == "import" || a.Action == "issue").Select(a => a.Actor).Distinct().ToListAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("codes.csv:3: duplicate of the code on line 2", problem, StringComparison.Ordinal);
        Assert.Contains("nothing imported", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", problem, StringComparison.Ordinal);
        Assert.Empty(empty["inventory"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal((HttpStatusCode.OK, 2), (issued.StatusCode, (int)report["issued"]!));
        Assert.Equal(2, (int)after["inventory"]![0]!["byStatus"]!["Issued"]!);
        Assert.Equal(["ana", "ben"], after["students"]!.AsArray().Select(s => (string)s!["login"]!));
        Assert.Equal(["prof"], actors);
    }

    [Fact]
    public async Task ReportedProblem_IsReplacedWithANewCode()
    {
        await _bed.SignInAsync("prof");
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync("code\nAWS-GOOD-0001\nAWS-GOOD-0002\nAWS-GOOD-0003\n")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bed.Client.PostAsync($"/api/credits/ledger/policies/{Policy}/issue", null)).StatusCode);
        await _bed.SignInAsync("ana");
        var held = JsonNode.Parse(await _bed.Client.GetStringAsync("/api/credits"))!["codes"]![0]!;
        var codeId = (string)held["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await _bed.Client.PostAsJsonAsync($"/api/credits/{codeId}/problem", new { reason = "invalid" })).StatusCode);

        await _bed.SignInAsync("prof");
        using var replaced = await _bed.Client.PostAsJsonAsync($"/api/credits/ledger/{codeId}/replace", new { reason = "AWS says invalid" });
        var result = JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!;
        using var again = await _bed.Client.PostAsJsonAsync($"/api/credits/ledger/{codeId}/replace", new { reason = "twice" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(("ana", "issued"), ((string)result["login"]!, (string)result["outcome"]!));
        Assert.NotEqual(codeId, (string)result["codeId"]!);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    private async Task<HttpResponseMessage> ImportAsync(string codes) =>
        await _bed.Client.PostAsync("/api/credits/ledger/import?provider=aws&value=50&file=codes.csv",
            new StringContent(codes, Encoding.UTF8, "text/csv"));

    private async Task<JsonNode> LedgerAsync() => JsonNode.Parse(await _bed.Client.GetStringAsync("/api/credits/ledger"))!;

    private static async Task<TestCourse> CourseAsync()
    {
        var course = await TestCourse.CreateAsync(credits: true, students: ["ana", "ben"]);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(course.CourseFile))!;
        json["credits"]!["policies"]!.AsArray().Add(new JsonObject
        {
            ["name"] = Policy, ["kind"] = "perStudent", ["provider"] = "aws", ["value"] = 50,
        });
        await File.WriteAllTextAsync(course.CourseFile, json.ToJsonString(new JsonSerializerOptions()));
        return course;
    }
}
