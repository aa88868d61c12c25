namespace Course.Grader.Web.Data;

/// <summary>A webhook delivery already accepted (its <c>X-GitHub-Delivery</c> id), so a replay is ignored.</summary>
internal sealed class WebhookDelivery
{
    public required string DeliveryId { get; init; }

    public required string Event { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
