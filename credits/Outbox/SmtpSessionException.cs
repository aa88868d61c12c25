namespace Course.Credits.Outbox;

/// <summary>
/// The SMTP session could not be set up as required (no STARTTLS, an untrusted certificate, a refused login):
/// no message was handed over, and every other message would fail the same way until the staff fix it.
/// </summary>
internal sealed class SmtpSessionException(string message, Exception inner) : Exception(message, inner);
