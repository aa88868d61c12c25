namespace Course.Credits.Students;

/// <summary>
/// A student's own view of their credits, for the web front end: which codes they hold and where each one
/// is ("where is my code" in one look), the on-request policies they can still ask for, and the two things a
/// holder can say about a code (it worked; it won't redeem). Codes are never shown in clear text here: they
/// travel by e-mail only. Every action is audited with the student as actor.
/// </summary>
public interface IStudentCredits
{
    Task<StudentCredits> ShowAsync(string login, CancellationToken cancellation);

    /// <summary>The holder says the code worked. Another student's code is not found, as a missing one.</summary>
    Task ConfirmRedeemedAsync(string login, string codeId, CancellationToken cancellation);

    /// <summary>
    /// The holder says the code won't redeem: staff are e-mailed (and see the reason in <c>credits status</c>) and can replace it.
    /// </summary>
    Task ReportProblemAsync(string login, string codeId, string reason, CancellationToken cancellation);
}

public sealed record StudentCredits(string Login, IReadOnlyList<HeldCode> Codes, IReadOnlyList<RequestableCredit> Requestable);

/// <param name="Status">available, issued, sent, redeemed, problem, replaced or expired (lower case).</param>
/// <param name="EmailedAt">When the e-mail with the code reached the mail server (null while it waits in the outbox).</param>
public sealed record HeldCode(string Id, string Provider, double Value, string Status, DateTimeOffset? IssuedAt, DateTimeOffset? EmailedAt,
    string? EmailedTo, DateTimeOffset? ExpiresAt, DateTimeOffset? RedeemedAt, string? ReplacedBy);

/// <summary>An on-request policy: <paramref name="Held"/> of <paramref name="Allowance"/> codes already requested.</summary>
/// <param name="OpensAt">The policy's <c>from</c> while it is still ahead (nothing can be requested before it); null once open.</param>
public sealed record RequestableCredit(string Policy, string Provider, double Value, int Held, int Allowance, DateTimeOffset? OpensAt)
{
    public bool CanRequest => Held < Allowance && OpensAt is null;
}
