namespace Course.Credits.Outbox;

/// <summary>
/// The course's one durable outbox, open to other modules for plain notices (grades released, a regrade
/// answered, a deadline near). A notice is queued in the same table as the credit e-mails and leaves with
/// them: <c>credits send</c>, <c>grader notices send</c> and <c>grader serve</c>'s mail rounds send it.
/// </summary>
public interface ICourseMail
{
    /// <summary>
    /// Queues <paramref name="notice"/> unless a notice with its key was queued before (sent or not).
    /// Returns false for such a repeat, so a caller may run as often as it likes and each notice leaves once.
    /// </summary>
    Task<bool> QueueAsync(CourseNotice notice, CancellationToken cancellation);
}

/// <summary>A plain e-mail to one person.</summary>
/// <param name="Key">Unique reason, e.g. <c>grades-released:hw1:ana</c>; the outbox keeps it as <c>notice:KEY</c>.</param>
/// <param name="Login">The recipient's course login.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">Subject, without the course's name (added when sent).</param>
/// <param name="Body">Plain text.</param>
public sealed record CourseNotice(string Key, string Login, string To, string Subject, string Body);
