using Course.Credits.Lifecycle;

namespace Course.Credits.Outbox;

internal sealed class CreditMail(ExpirySweep sweep, OutboxSender sender) : ICreditMail
{
    public async Task<MailRound> RunAsync(bool dueOnly, CancellationToken cancellation)
    {
        var swept = await sweep.RunAsync(cancellation);
        var flush = await sender.FlushAsync(dueOnly, cancellation);
        return new MailRound(swept.Expired, swept.Warned, flush);
    }
}
