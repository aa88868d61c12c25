using System.Text.Json;
using Course.Grader.Intake.GitHub;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>: verifies the signature, ignores replayed deliveries, records a push to the default
/// branch, a tag push or a published release with the server's receive time and answers at once;
/// <see cref="PushDispatcher"/> does the work.
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
        ReleasePayload? release = null;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (eventName == "push")
            {
                push = PushPayload.Parse(json.RootElement);
            }
            else if (eventName == "release")
            {
                release = ReleasePayload.Parse(json.RootElement);
            }
        }
        catch (JsonException invalid)
        {
            return TypedResults.Problem($"the body is not a valid {eventName} payload: {invalid.Message}", statusCode: 400);
        }

        return await RecordAsync(db, signal, deliveryId, eventName, Receipt(deliveryId, push, release, receivedAt), receivedAt, cancellation);
    }

    /// <summary>What the delivery asks intake to take: a push to the default branch, a tag push, a published release; else null.</summary>
    private static PushReceipt? Receipt(string deliveryId, PushPayload? push, ReleasePayload? release, DateTimeOffset receivedAt)
    {
        if (push is { UpdatesDefaultBranch: true } or { Tag: not null })
        {
            return new PushReceipt
            {
                Id = Guid.NewGuid(),
                DeliveryId = deliveryId,
                Repository = push.Repository,
                DefaultBranch = push.DefaultBranch,
                Commit = push.After,
                ReceivedAt = receivedAt,
                Pusher = push.Pusher,
                Tag = push.UpdatesDefaultBranch ? null : push.Tag,
            };
        }

        return release is { Published: true }
            ? new PushReceipt
            {
                Id = Guid.NewGuid(),
                DeliveryId = deliveryId,
                Repository = release.Repository,
                DefaultBranch = release.DefaultBranch,
                // A release of a branch names no commit: intake takes the branch's tip when it takes the release in.
                Commit = release.TargetCommit ?? "",
                ReceivedAt = receivedAt,
                Tag = release.Tag,
                Release = true,
            }
            : null;
    }

    private static async Task<IResult> RecordAsync(WebDbContext db, PushSignal signal, string deliveryId, string eventName,
        PushReceipt? receipt, DateTimeOffset receivedAt, CancellationToken cancellation)
    {
        if (await db.Deliveries.AnyAsync(d => d.DeliveryId == deliveryId, cancellation))
        {
            return TypedResults.Ok(new WebhookAnswer("duplicate", null));
        }

        db.Deliveries.Add(new WebhookDelivery { DeliveryId = deliveryId, Event = eventName, ReceivedAt = receivedAt });
        if (receipt is not null)
        {
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
