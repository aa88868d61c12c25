namespace Course.Credits.Outbox;

/// <summary>What one flush of the outbox did.</summary>
/// <param name="Uncertain">Messages stuck in 'sending' (a process stopped mid-send): not re-sent automatically.</param>
/// <param name="ClearTextFolder">Without an SMTP server: the folder where the messages, codes included, lie in clear text.</param>
public sealed record FlushReport(string Destination, int Sent, int Cancelled, int StillPending, int Uncertain, IReadOnlyList<string> Errors,
    string? ClearTextFolder)
{
    /// <summary>What staff must be told whenever codes are written to disk instead of being e-mailed; null when they are e-mailed.</summary>
    public string? ClearTextWarning => ClearTextFolder is null
        ? null
        : $"no SMTP server is configured (Smtp__Host), so the e-mails are written to {ClearTextFolder} and the credit codes in them " +
          "are in clear text there (readable by its owner only); deliver them from there, or set Smtp__Host and delete them";
}
