namespace Course.Credits.Spend;

/// <summary>What a billing report import found: students matched, their total spend, reminders queued, accounts it could not match.</summary>
public sealed record SpendReport(int Students, double Total, int Reminders, IReadOnlyList<string> Warnings);
