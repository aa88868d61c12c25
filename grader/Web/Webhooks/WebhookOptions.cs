namespace Course.Grader.Web.Webhooks;

/// <summary>Limits of the webhook endpoint.</summary>
internal sealed record WebhookOptions
{
    /// <summary>Largest body accepted; larger requests get 413. Default 5 MB (GitHub caps payloads at 25 MB, pushes are far smaller).</summary>
    public long MaxBodyBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>Attempts to take a push in before it is marked failed. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How often the dispatcher looks for pending pushes without being woken. Default 30 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);
}
