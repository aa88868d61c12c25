using System.Net;
using System.Net.Http.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>An on-request policy with a <c>from</c> date gives nothing before it, through the API or the page.</summary>
public sealed class CreditsOpeningTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartAsync(_clock, TestCourse.CreateAsync(credits: true, creditsFrom: "2026-11-05", students: ["ana"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Request_BeforeThePolicysFromDate_IsRefusedNamingTheDateUntilTheDayComes()
    {
        await ImportCodesAsync();
        await _bed.SignInAsync("ana");

        var api = await _bed.Client.PostAsJsonAsync("/api/credits/requests", new { policy = TestCourse.CreditPolicy });
        var page = await _bed.Client.GetStringAsync("/credits");
        var form = await PostRequestFormAsync(page);
        var heldEarly = await HeldAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero));
        var onTheDay = await _bed.Client.PostAsJsonAsync("/api/credits/requests", new { policy = TestCourse.CreditPolicy });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("credits policy 'extra' starts on 2026-11-05 (UTC)", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("from 2026-11-05 00:00 UTC", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<button>Request</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("credits policy 'extra' starts on 2026-11-05 (UTC)", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, heldEarly);
        Assert.Equal(HttpStatusCode.Created, onTheDay.StatusCode);
        Assert.Equal(1, await HeldAsync());
    }

    /// <summary>Posts the request form as a browser would, with the page's antiforgery token (the page itself offers no button yet).</summary>
    private async Task<HttpResponseMessage> PostRequestFormAsync(string page)
    {
        var (name, value) = PageSignIn.AntiforgeryField(page);
        return await _bed.Client.PostAsync("/credits/request", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [name] = value,
            ["policy"] = TestCourse.CreditPolicy,
        }));
    }

    private async Task<int> HeldAsync()
    {
        var credits = await _bed.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/credits");
        return credits.GetProperty("codes").GetArrayLength();
    }

    private async Task ImportCodesAsync()
    {
        var file = Path.Combine(_bed.Course.Directory, "codes.csv");
        await File.WriteAllLinesAsync(file, ["code", "AWS-SPRING-0001", "AWS-SPRING-0002"]);
        var (exit, _, error) = await _bed.Course.RunAsync("credits", "import", file, "--provider", "aws", "--value", "50");
        Assert.True(exit == 0, error);
    }
}
