namespace Course.Credits.Ledger;

/// <summary>One audited event: imports, issues, every staff view of a clear-text code, voids, replacements.</summary>
internal sealed class AuditEntry
{
    public required string Id { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The operating-system user who ran the command (or the web user later).</summary>
    public required string Actor { get; init; }

    public required string Action { get; init; }

    public string? CodeId { get; init; }

    public string? Login { get; init; }

    public string? Detail { get; init; }
}
