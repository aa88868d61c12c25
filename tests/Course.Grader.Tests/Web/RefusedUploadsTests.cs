using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Course.Grader.Tests.Web.Browser;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Uploads a real <c>grader serve</c> (Kestrel) must refuse, sent round after round: after the
/// deadline, over the daily limit, for a team the uploader is not in, with a used idempotency key, as
/// a form of 50 file parts or of hundreds of fields, over the per-user rate. None leaves a byte behind:
/// the grading folder (uploads included) and the server's temp folder (<c>ASPNETCORE_TEMP</c>, where a
/// form reader buffers file parts) hold the same files with the same sizes before and after.
/// </summary>
public sealed class RefusedUploadsTests
{
    private const int Rounds = 3;
    private const int PerWindow = 12;
    private const string Board = $"/api/leaderboard/{TestCourse.Competition}";
    private const string Uploads = $"{Board}/submissions";
    private const string Page = $"/leaderboard/{TestCourse.Competition}";
    private const string ValidCsv = "id,label\n1,a\n2,b\n3,a\n4,b\n";

    /// <summary>Over 64 KiB: more than a form reader keeps in memory.</summary>
    private static readonly byte[] BigCsv = Encoding.UTF8.GetBytes("id,label\n" + string.Concat(Enumerable.Repeat("1,a\n", 30_000)));

    [Fact(Timeout = 300_000)]
    public async Task RefusedUploads_OpenCompetition_LeaveTheGradingAndTempFoldersUnchanged()
    {
        using var course = await TestCourse.CreateAsync(competition: true, deadline: "2099-01-01T00:00", students: ["ana", "ben", "cy"]);
        var temp = LimitUploads(course);
        await using var served = await ServedCourse.StartAsync(course);
        using var ana = await ClientAsync(served, "ana");
        using var ben = await ClientAsync(served, "ben");
        using var cy = await ClientAsync(served, "cy");
        using var prof = await ClientAsync(served, "prof");
        using var dee = Client(served, await TokenOfUnenrolledAsync(course, "dee"));
        // ana uses the day's two submissions, the first with a key she will send again; cy uses his whole rate window.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(ana, Csv(ValidCsv), key: "first")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(ana, Csv(ValidCsv))).StatusCode);
        for (var i = 0; i < PerWindow; i++)
        {
            Assert.Equal(i < 2 ? HttpStatusCode.Created : HttpStatusCode.TooManyRequests, (await UploadAsync(cy, Csv(ValidCsv))).StatusCode);
        }

        var grading = Contents(Path.Combine(course.Directory, "grading"));
        var buffered = Contents(temp);

        for (var round = 0; round < Rounds; round++)
        {
            await AssertRefusedAsync(await UploadAsync(ana, Big()), HttpStatusCode.TooManyRequests, "has used its 2 submission(s)");
            var repeated = await UploadAsync(ana, Big(), key: "first");
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
            Assert.True((await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
            await AssertRefusedAsync(await UploadAsync(prof, Big(), team: "nobody"), HttpStatusCode.NotFound, "'nobody' is neither a team");
            await AssertRefusedAsync(await UploadAsync(dee, Big()), HttpStatusCode.NotFound, "'dee' is neither a team");
            await AssertRefusedAsync(await PostFormAsync(ben, form => Repeat(50, () => form.Add(Big(), "predictions", "p.csv"))),
                HttpStatusCode.BadRequest, "one predictions file per upload");
            await AssertRefusedAsync(await PostFormAsync(ben, form =>
                {
                    Repeat(500, () => form.Add(new StringContent("x"), "note"));
                    form.Add(Big(), "predictions", "p.csv");
                }),
                HttpStatusCode.BadRequest, "upload form: more than 16 parts");
            var limited = await UploadAsync(cy, Big());
            await AssertRefusedAsync(limited, HttpStatusCode.TooManyRequests, $"at most {PerWindow} every 600 s per user");
            Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(grading, Contents(Path.Combine(course.Directory, "grading")));
        Assert.Equal(buffered, Contents(temp));
        var rows = (await ana.GetFromJsonAsync<JsonElement>(Board)).GetProperty("rows").EnumerateArray()
            .ToDictionary(row => row.GetProperty("team").GetString()!, row => row.GetProperty("entries").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 2, ["cy"] = 2 }, rows);
    }

    [Fact(Timeout = 300_000)]
    public async Task RefusedUploads_AfterTheDeadline_StoreNothing()
    {
        using var course = await TestCourse.CreateAsync(competition: true, deadline: "2026-10-12T23:59", students: ["ana"]);
        var temp = LimitUploads(course);
        await using var served = await ServedCourse.StartAsync(course);
        using var ana = await ClientAsync(served, "ana");
        using var prof = await ClientAsync(served, "prof");
        var grading = Contents(Path.Combine(course.Directory, "grading"));
        var buffered = Contents(temp);

        for (var round = 0; round < Rounds; round++)
        {
            await AssertRefusedAsync(await UploadAsync(ana, Big()), HttpStatusCode.BadRequest, "closed at its deadline");
            await AssertRefusedAsync(await UploadAsync(prof, Big(), team: "ana"), HttpStatusCode.BadRequest, "closed at its deadline");
            await AssertRefusedAsync(await PostFormAsync(ana, form => form.Add(Big(), "predictions", "p.csv")),
                HttpStatusCode.BadRequest, "closed at its deadline");
        }

        Assert.Equal(grading, Contents(Path.Combine(course.Directory, "grading")));
        Assert.Equal(buffered, Contents(temp));
        Assert.Equal(0, await course.CountAsync<KeptUpload>());
    }

    /// <summary>A small window limit for the server, and a temp folder of the test's own for anything it buffers.</summary>
    private static string LimitUploads(TestCourse course)
    {
        var temp = Path.Combine(course.Directory, "server-temp");
        Directory.CreateDirectory(temp);
        course.Settings["ASPNETCORE_TEMP"] = temp;
        course.Settings["Web:Uploads:PerWindow"] = $"{PerWindow}";
        course.Settings["Web:Uploads:WindowSeconds"] = "600";
        return temp;
    }

    private static async Task<HttpClient> ClientAsync(ServedCourse served, string login) => Client(served, await served.TokenAsync(login));

    private static HttpClient Client(ServedCourse served, string token)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = served.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A valid token of a login that is not on the roster, as a student who left the course still holds
    /// (<c>users token</c> issues none to such a login, and the roster keeps everyone it enrolled).
    /// </summary>
    private static async Task<string> TokenOfUnenrolledAsync(TestCourse course, string login)
    {
        var token = TokenHasher.NewToken();
        var now = TimeProvider.System.GetUtcNow();
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        db.Tokens.Add(new ApiToken { Hash = TokenHasher.Hash(token), Id = TokenHasher.NewId(), Login = login, CreatedAt = now, ExpiresAt = now.AddHours(1) });
        await db.SaveChangesAsync();
        return token;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, HttpContent content, string? key = null, string? team = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, team is null ? Uploads : $"{Uploads}?team={team}") { Content = content };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    /// <summary>The upload page's form as a browser sends it (antiforgery token first), with the parts <paramref name="fill"/> adds.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Action<MultipartFormDataContent> fill)
    {
        var page = await client.GetStringAsync(Page);
        var (name, value) = PageSignIn.AntiforgeryField(page);
        var form = new MultipartFormDataContent { { new StringContent(value), name } };
        fill(form);
        return await client.PostAsync($"{Page}/upload", form);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == status, $"{response.StatusCode} instead of {status}: {body}");
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    /// <summary>Every file under <paramref name="folder"/> with its size (none when it does not exist).</summary>
    private static SortedDictionary<string, long> Contents(string folder) =>
        Directory.Exists(folder)
            ? new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(folder, file), file => new FileInfo(file).Length), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static ByteArrayContent Big() => new(BigCsv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static void Repeat(int times, Action action)
    {
        for (var i = 0; i < times; i++)
        {
            action();
        }
    }
}
