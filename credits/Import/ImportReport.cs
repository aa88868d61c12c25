namespace Course.Credits.Import;

/// <summary>What an import stored (all rows of the file, or nothing).</summary>
public sealed record ImportReport(string Batch, string Provider, double Value, int Imported, DateTimeOffset? EarliestExpiry);
