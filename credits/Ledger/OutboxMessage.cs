namespace Course.Credits.Ledger;

/// <summary>
/// A durable e-mail to send. It holds no code in clear text: the body is composed when it is sent,
/// by decrypting <see cref="CodeId"/>'s code.
/// </summary>
internal sealed class OutboxMessage
{
    public required string Id { get; init; }

    /// <summary>Unique reason (<c>code:ID</c>, <c>expiry:ID</c>, <c>spend:LOGIN:0.8</c>): each is sent once.</summary>
    public required string Key { get; init; }

    public required MessageKind Kind { get; init; }

    public required string Login { get; init; }

    public required string To { get; init; }

    public string? CodeId { get; init; }

    /// <summary>A notice's subject; null for the credit e-mails, whose subject follows from their kind.</summary>
    public string? Subject { get; init; }

    /// <summary>Kind-specific figures, e.g. spend and threshold of a reminder (no secrets); a notice's body.</summary>
    public string? Detail { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public OutboxState State { get; set; } = OutboxState.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Stable across retries, so a receiving side can drop a duplicate.</summary>
    public string MessageId => $"credit-{Id}@course";
}
