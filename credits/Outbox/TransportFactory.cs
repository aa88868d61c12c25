namespace Course.Credits.Outbox;

/// <summary>SMTP when <c>Smtp:Host</c> is set, otherwise the .eml folder.</summary>
internal sealed class TransportFactory(SmtpSettings settings)
{
    public IMailTransport Create() =>
        settings.Host is null ? EmlFolderTransport.Open(settings.OutboxFolder) : new SmtpTransport(settings);
}
