namespace Course.Credits.Ledger;

/// <summary>
/// pending → sending → sent. A message found in <see cref="Sending"/> was being handed to the SMTP
/// server when a process stopped: it is never re-sent automatically (staff re-queue it, see README).
/// </summary>
internal enum OutboxState
{
    Pending,
    Sending,
    Sent,

    /// <summary>Not sent because its code was voided or expired before the e-mail went out.</summary>
    Cancelled,
}
