namespace Course.Credits.Outbox;

/// <summary>What one flush of the outbox did.</summary>
/// <param name="Uncertain">Messages stuck in 'sending' (a process stopped mid-send): not re-sent automatically.</param>
public sealed record FlushReport(string Destination, int Sent, int Cancelled, int StillPending, int Uncertain, IReadOnlyList<string> Errors);
