using System.Net;
using System.Text;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The console's billing-report form over a real socket with the instructor's session cookie: a report with a bad line is
/// refused whole, naming the line, and the same report mended is imported and totalled on the page.
/// </summary>
public sealed class ConsoleSpendFormTests : IAsyncLifetime
{
    private const string Header = "lineItem/UsageAccountId,account_email,lineItem/UsageStartDate,lineItem/UnblendedCost\n";

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            CourseAsync());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Spend_BadLineThenMendedReport_RefusedNamingTheLineThenTotalled()
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync("prof"));
        var (cookies, field) = await PageSignIn.FormAsync(_bed.Client, "/console/credits", session);
        const string Ana = "111,ana@example.edu,2026-11-01T00:00:00Z,30.5\n";

        using var broken = await PostAsync(cookies,
            Report(field, Header + Ana + "222,bob@example.edu,2026-11-02T00:00:00Z,abc\n"));
        var brokenPage = await broken.Content.ReadAsStringAsync();
        using var mended = await PostAsync(cookies,
            Report(field, Header + Ana + "222,bob@example.edu,2026-11-02T00:00:00Z,12\n"));
        var mendedPage = await mended.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("billing.csv:3: unblended cost &#x27;abc&#x27; is not a number", brokenPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mended.StatusCode);
        Assert.Contains("Spend of 2 student(s), 42.5 in all", mendedPage, StringComparison.Ordinal);
    }

    /// <summary>The credits course with a budget of 100 per student, which spend is compared with.</summary>
    private static async Task<TestCourse> CourseAsync()
    {
        var course = await TestCourse.CreateAsync(credits: true, students: ["ana", "bob"]);
        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile, json.Replace("\"credits\": {", "\"credits\": { \"budgetPerStudent\": 100,", StringComparison.Ordinal));
        return course;
    }

    private static MultipartFormDataContent Report((string Name, string Value) antiforgery, string csv) => new()
    {
        { new StringContent(antiforgery.Value), antiforgery.Name },
        { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "billing", "billing.csv" },
    };

    private async Task<HttpResponseMessage> PostAsync(string cookies, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/credits/spend") { Content = content };
        request.Headers.Add("Cookie", cookies);
        return await _bed.Client.SendAsync(request);
    }
}
