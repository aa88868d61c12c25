namespace Course.Credits.Ledger;

/// <summary>A student's cloud spend as of the last imported billing report.</summary>
internal sealed class SpendRecord
{
    public required string Login { get; init; }

    public double Total { get; set; }

    /// <summary>Latest usage day in the report, yyyy-MM-dd.</summary>
    public string? LastUsageDay { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
