using System.Text.Json;
using Course.Grader.Intake.GitHub;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>: verifies the signature, ignores replayed deliveries, records a push
/// with the server's receive time and answers at once; <see cref="PushDispatcher"/> does the work.
/// </summary>
internal static class GitHubWebhookEndpoint
{
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github", HandleAsync).AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    internal static async Task<IResult> HandleAsync(HttpContext http, GitHubOptions github, WebhookOptions options,
        WebDbContext db, PushSignal signal, TimeProvider time, CancellationToken cancellation)
    {
        var receivedAt = time.GetUtcNow();
        if (github.WebhookSecret is null)
        {
            return TypedResults.Problem("GitHub:WebhookSecret is not set: webhooks cannot be verified", statusCode: 503);
        }

        var body = await ReadBodyAsync(http.Request, options.MaxBodyBytes, cancellation);
        if (body is null)
        {
            return TypedResults.Problem($"the body is larger than {options.MaxBodyBytes:N0} bytes", statusCode: 413);
        }

        if (!WebhookSignature.IsValid(github.WebhookSecret, body, http.Request.Headers["X-Hub-Signature-256"]))
        {
            return TypedResults.Problem("X-Hub-Signature-256 is missing or does not match the body", statusCode: 401);
        }

        var eventName = http.Request.Headers["X-GitHub-Event"].ToString();
        var deliveryId = http.Request.Headers["X-GitHub-Delivery"].ToString();
        if (eventName == "ping")
        {
            return TypedResults.Ok(new WebhookAnswer("pong", null));
        }

        if (eventName.Length == 0 || deliveryId.Length is 0 or > 100)
        {
            return TypedResults.Problem("X-GitHub-Event and X-GitHub-Delivery headers are required", statusCode: 400);
        }

        PushPayload? push = null;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (eventName == "push")
            {
                push = PushPayload.Parse(json.RootElement);
            }
        }
        catch (JsonException invalid)
        {
            return TypedResults.Problem($"the body is not a valid {eventName} payload: {invalid.Message}", statusCode: 400);
        }

        return await RecordAsync(db, signal, deliveryId, eventName, push, receivedAt, cancellation);
    }

    private static async Task<IResult> RecordAsync(WebDbContext db, PushSignal signal, string deliveryId, string eventName,
        PushPayload? push, DateTimeOffset receivedAt, CancellationToken cancellation)
    {
        if (await db.Deliveries.AnyAsync(d => d.DeliveryId == deliveryId, cancellation))
        {
            return TypedResults.Ok(new WebhookAnswer("duplicate", null));
        }

        db.Deliveries.Add(new WebhookDelivery { DeliveryId = deliveryId, Event = eventName, ReceivedAt = receivedAt });
        PushReceipt? receipt = null;
        if (push is { UpdatesDefaultBranch: true })
        {
            receipt = new PushReceipt
            {
                Id = Guid.NewGuid(),
                DeliveryId = deliveryId,
                Repository = push.Repository,
                DefaultBranch = push.DefaultBranch,
                Commit = push.After,
                ReceivedAt = receivedAt,
                Pusher = push.Pusher,
            };
            db.Pushes.Add(receipt);
        }

        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // The same delivery arrived twice at once; the other request recorded it.
            return TypedResults.Ok(new WebhookAnswer("duplicate", null));
        }

        if (receipt is null)
        {
            return TypedResults.Accepted((string?)null, new WebhookAnswer("ignored", null));
        }

        signal.Notify();
        return TypedResults.Accepted((string?)null, new WebhookAnswer("queued", receipt.Id));
    }

    /// <summary>The raw body, or null when it is larger than <paramref name="cap"/> (counted as read, not trusted from Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long cap, CancellationToken cancellation)
    {
        if (request.ContentLength > cap)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>The webhook's answer: "pong", "duplicate", "ignored" or "queued" (with the push's id).</summary>
internal sealed record WebhookAnswer(string Status, Guid? Push);
