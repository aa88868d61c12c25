using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grader.Tests.Intake.GitHub;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Data;
using Course.Grader.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

public sealed class GitHubWebhookTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 12, 21, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.StartAsync(_clock, TestCourse.CreateAsync(students: ["ana"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Post_SignedRecordedPush_Returns202AndRecordsPushAtServerReceiveTime()
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Webhook("push"));

        var response = await PostAsync(body, "push", "delivery-1", Sign(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await AnswerAsync(response)).Status);
        var push = Assert.Single(await QueryAsync(db => db.Pushes.ToListAsync()));
        Assert.Equal("Codertocat/Hello-World", push.Repository);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.Commit);
        Assert.Equal(Now, push.ReceivedAt);
    }

    [Fact]
    public async Task Post_ReplayedDelivery_AnswersDuplicateAndRecordsOnce()
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Webhook("push"));
        await PostAsync(body, "push", "delivery-1", Sign(body));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var replay = await PostAsync(body, "push", "delivery-1", Sign(body));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await AnswerAsync(replay)).Status);
        Assert.Equal(Now, Assert.Single(await QueryAsync(db => db.Pushes.ToListAsync())).ReceivedAt);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    [InlineData(null)]
    public async Task Post_BadOrMissingSignature_Returns401AndRecordsNothing(string? signature)
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Webhook("push"));

        var response = await PostAsync(body, "push", "delivery-2", signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await QueryAsync(db => db.Deliveries.ToListAsync()));
    }

    [Fact]
    public async Task Post_SignatureOfAnotherBody_Returns401()
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Webhook("push"));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Codertocat/Hello-World", "Codertocat/Other", StringComparison.Ordinal));

        var response = await PostAsync(tampered, "push", "delivery-3", Sign(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"ref":"refs/heads/main"}""")]
    public async Task Post_SignedMalformedPush_Returns400(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        var response = await PostAsync(body, "push", "delivery-4", Sign(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await QueryAsync(db => db.Pushes.ToListAsync()));
    }

    [Fact]
    public async Task Post_BodyOverFiveMegabytes_Returns413()
    {
        var body = new byte[(5 * 1024 * 1024) + 1];

        var response = await PostAsync(body, "push", "delivery-5", Sign(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_Ping_ReturnsPong()
    {
        var body = """{"zen":"Keep it logically awesome.","hook_id":1}"""u8.ToArray();

        var response = await PostAsync(body, "ping", "delivery-6", Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", (await AnswerAsync(response)).Status);
    }

    [Fact]
    public async Task Post_PushToOtherBranch_IsIgnored()
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.Webhook("push")))!;
        payload["ref"] = "refs/heads/experiment";
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());

        var response = await PostAsync(body, "push", "delivery-7", Sign(body));

        Assert.Equal("ignored", (await AnswerAsync(response)).Status);
        Assert.Empty(await QueryAsync(db => db.Pushes.ToListAsync()));
    }

    private static string Sign(byte[] body) => WebhookSignature.Sign(GraderWebFactory.Secret, body);

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string eventName, string delivery, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await _bed.Client.SendAsync(request);
    }

    private static async Task<WebhookAnswer> AnswerAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<WebhookAnswer>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;

    private async Task<T> QueryAsync<T>(Func<WebDbContext, Task<T>> query)
    {
        await using var scope = _bed.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WebDbContext>());
    }
}
