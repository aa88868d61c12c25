namespace Course.Credits.Outbox;

/// <summary>
/// One round of the credits e-mail: marks expired codes, queues expiry warnings, then sends the outbox.
/// <c>grader credits send</c> runs one round by hand; <c>grader serve</c> runs one every interval.
/// </summary>
public interface ICreditMail
{
    /// <param name="dueOnly">Skip messages whose retry time (after a failed attempt) has not come yet.</param>
    Task<MailRound> RunAsync(bool dueOnly, CancellationToken cancellation);
}

/// <summary>What a round did: codes marked expired, expiry warnings queued, and the outbox flush.</summary>
public sealed record MailRound(int Expired, int Warned, FlushReport Flush);
