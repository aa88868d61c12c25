namespace Course.Credits.Status;

/// <summary>What <c>grader credits status</c> prints: the ledger at one look.</summary>
public sealed record CreditsStatus(
    IReadOnlyList<CreditsStatus.InventoryLine> Inventory,
    IReadOnlyList<CreditsStatus.StudentLine> Students,
    double OutstandingValue,
    IReadOnlyList<CreditsStatus.ProblemCase> Problems,
    CreditsStatus.OutboxLine Outbox)
{
    /// <summary>Codes of one provider and value, by status.</summary>
    public sealed record InventoryLine(string Provider, double Value, IReadOnlyDictionary<string, int> ByStatus, int Total)
    {
        /// <summary>When the first of the codes still available expires (they go out soonest-expiring first); null when none expires.</summary>
        public DateTimeOffset? NextExpiry { get; init; }
    }

    /// <summary>One student's codes; <see cref="Outstanding"/> is the value issued or sent but not yet redeemed.</summary>
    public sealed record StudentLine(string Login, int Issued, int Sent, int Redeemed, int Problems, double Outstanding, double Spend,
        IReadOnlyList<string> CodeIds);

    public sealed record ProblemCase(string CodeId, string? Login, string Status, string? Note);

    /// <summary>E-mails: <see cref="Uncertain"/> were interrupted mid-send; the errors are of pending ones.</summary>
    public sealed record OutboxLine(int Pending, int Uncertain, int Sent, int Cancelled, IReadOnlyList<string> Errors);
}
