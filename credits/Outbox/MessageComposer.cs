using System.Globalization;
using System.Text;
using Course.Assignments.Courses;
using Course.Credits.Ledger;
using Course.Credits.Protection;
using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>Builds the e-mail of an outbox row at send time, decrypting its code only in memory.</summary>
internal sealed class MessageComposer(ICourseProvider course, CodeProtector protector, SmtpSettings settings, TimeProvider clock)
{
    public MimeMessage Compose(OutboxMessage message, CreditCode? code)
    {
        var (subject, body) = message.Kind switch
        {
            MessageKind.Code => CodeMail(code!),
            MessageKind.ExpiryWarning => ExpiryMail(code!),
            MessageKind.ProblemReport => ProblemMail(code!, message.Detail ?? ""),
            MessageKind.Notice => (message.Subject ?? "", message.Detail ?? ""),
            _ => SpendMail(message.Detail ?? ""),
        };
        var mail = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = $"[{course.Course.Name}] {subject}",
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain") { Text = body },
        };
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(new MailboxAddress(message.Login, message.To));
        mail.Headers.Add(message.Kind == MessageKind.Notice ? "X-Course-Notice" : "X-Course-Credit", message.CodeId ?? message.Key);
        return mail;
    }

    private (string, string) CodeMail(CreditCode code)
    {
        var credits = course.Course.Credits;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Your {code.Provider} credit code worth {code.Value:0.##}:")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"    {protector.Decrypt(code.Id, code.Secret)}")
            .AppendLine();
        if (code.Replaces is { } replaced)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"It replaces code {replaced}, which is now void.").AppendLine();
        }

        if (credits?.RedeemUrl is { } url)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Redeem it at {url} (sign in to your account, enter the code).");
        }

        text.AppendLine(code.ExpiresAt is { } expires
            ? $"It expires on {Local(expires)}: redeem it before then."
            : "It has no expiry date.");
        text.AppendLine(CultureInfo.InvariantCulture, $"If it does not redeem, tell the staff and quote code id {code.Id}.");
        Warnings(text);
        return ($"Your {code.Provider} credit code ({code.Value:0.##})", text.ToString());
    }

    private (string, string) ExpiryMail(CreditCode code)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Your {code.Provider} credit code {code.Id} worth {code.Value:0.##} expires on {Local(code.ExpiresAt!.Value)} and is not marked as redeemed.")
            .AppendLine("Redeem it before then, or tell the staff that you already did.");
        if (course.Course.Credits?.RedeemUrl is { } url)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Redeem it at {url}.");
        }

        Warnings(text);
        return ($"Your {code.Provider} credit code expires on {Local(code.ExpiresAt!.Value)}", text.ToString());
    }

    private static (string, string) ProblemMail(CreditCode code, string detail)
    {
        var (student, reason) = detail.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
            ? (detail[..colon], detail[(colon + 2)..])
            : (code.Login ?? "a student", detail);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{student} reports that {code.Provider} code {code.Id} worth {code.Value:0.##} does not redeem:")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"    {reason}")
            .AppendLine()
            .AppendLine("To give them a new code (the old one is voided, both are audited):")
            .AppendLine(CultureInfo.InvariantCulture, $"    grader credits replace {code.Id} --reason \"...\"");
        return ($"Credit code {code.Id} of {student} does not redeem", text.ToString());
    }

    private (string, string) SpendMail(string detail)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Your cloud spend this course: {detail}.")
            .AppendLine("Check your running instances now.");
        Warnings(text);
        return ("Cloud spend reminder", text.ToString());
    }

    private void Warnings(StringBuilder text)
    {
        var warnings = course.Course.Credits?.Warnings ?? [];
        if (warnings.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("Please read:");
        foreach (var warning in warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {warning}");
        }
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, course.Times.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        + $" ({course.Times.Zone.Id})";
}
