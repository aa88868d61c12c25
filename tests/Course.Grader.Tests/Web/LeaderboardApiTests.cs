using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

public sealed class LeaderboardApiTests : IAsyncLifetime
{
    private const string Board = $"/api/leaderboard/{TestCourse.Competition}";
    private const string Uploads = $"{Board}/submissions";

    private WebTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero));
        _bed = await WebTestBed.StartAsync(clock, TestCourse.CreateAsync(clock, competition: true, students: ["ana", "ben"]));
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Upload_StudentCsv_IsScoredAndShownOnThePublicBoard()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.PostAsync(Uploads, Csv("id,label\r\n1,a\r\n2,a\r\n3,a\r\n4,b\r\n"));
        var board = await _bed.Client.GetFromJsonAsync<JsonElement>(Board);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ana", receipt.GetProperty("team").GetString());
        Assert.Equal(0.5, receipt.GetProperty("publicScore").GetDouble());
        var row = Assert.Single(board.GetProperty("rows").EnumerateArray());
        Assert.Equal("ana", row.GetProperty("team").GetString());
        Assert.Equal(0.5, row.GetProperty("score").GetDouble());
        Assert.False(board.GetProperty("private").GetBoolean());
    }

    [Fact]
    public async Task Upload_InvalidCsv_Returns422NamingTheLine()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,a\n1,b\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith(".csv:4: id '1' is repeated (first on line 2)", receipt.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PastTheDailyLimit_Returns429AndCountsNothing()
    {
        await _bed.SignInAsync("ben");
        var first = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"));
        var second = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,b\n2,b\n3,a\n4,b\n"));

        var third = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { first.StatusCode, second.StatusCode });
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("has used its 2 submission(s)", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_EightAtOnceWithTwoLeft_KeepsOnlyTheTwoRecordedFiles()
    {
        await _bed.SignInAsync("ben");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(6, responses.Count(r => r.StatusCode == (HttpStatusCode)429));
        var kept = await _bed.Course.QueryAsync(db => db.Uploads.ToListAsync());
        Assert.Equal(2, kept.Count);
        foreach (var upload in kept)
        {
            Assert.Equal(("ben", "id,label\n1,a\n2,b\n3,a\n4,b\n"), (upload.Uploader, await _bed.Course.StoredTextAsync(upload.Key)));
        }
    }

    [Fact]
    public async Task Upload_SameIdempotencyKeyTwice_IsRecordedOnce()
    {
        await _bed.SignInAsync("ana");
        _bed.Client.DefaultRequestHeaders.Add("Idempotency-Key", "retry-1");

        var first = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"));
        var again = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        var board = await _bed.Client.GetFromJsonAsync<JsonElement>(Board);
        Assert.Equal(1, board.GetProperty("rows")[0].GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task Board_PrivateBeforeFinalize_Returns400AndNoToken401()
    {
        var anonymous = await _bed.Client.GetAsync(Board);
        await _bed.SignInAsync("ana");

        var hidden = await _bed.Client.GetAsync($"{Board}?private=true");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("hidden until the competition is finalized", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_StaffWithoutTeam_Returns400()
    {
        await _bed.SignInAsync("prof");

        var response = await _bed.Client.PostAsync(Uploads, Csv("id,label\n1,a\n2,b\n3,a\n4,b\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("?team=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hw1", 400, "is not a competition")]
    [InlineData("hw9", 404, "assignment 'hw9' is not in course.json")]
    [InlineData("..%2F..%2Fetc", 404, "is not in course.json")]
    public async Task Upload_NotACompetition_IsRefusedAndNothingIsStored(string assignment, int status, string message)
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.PostAsync($"/api/leaderboard/{assignment}/submissions", Csv("id,label\n1,a\n"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _bed.Course.CountAsync<KeptUpload>());
    }

    [Fact]
    public async Task BoardPage_UnknownAssignment_IsAnHtmlPageNamingIt()
    {
        var response = await _bed.Client.GetAsync("/leaderboard/hw9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("assignment &#x27;hw9&#x27; is not in course.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
