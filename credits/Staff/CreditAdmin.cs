using Course.Credits.Import;
using Course.Credits.Issuing;
using Course.Credits.Lifecycle;
using Course.Credits.Spend;
using Course.Credits.Status;

namespace Course.Credits.Staff;

/// <summary>The staff services behind <see cref="ICreditAdmin"/>: the commands' own importer, issuer, lifecycle and status query.</summary>
internal sealed class CreditAdmin(StatusQuery status, CodeImporter importer, CreditIssuing issuing, CodeLifecycle lifecycle,
    SpendImporter spend) : ICreditAdmin
{
    public Task<CreditsStatus> StatusAsync(CancellationToken cancellation) => status.GetAsync(cancellation);

    public Task<ImportReport> ImportAsync(string actor, string file, string provider, double value, string? expires,
        CancellationToken cancellation) =>
        importer.ImportAsync(new ImportRequest(file, provider, value, expires, actor), cancellation);

    public Task<IssueReport> RunPolicyAsync(string actor, string policy, CancellationToken cancellation) =>
        issuing.RunPolicyAsync(policy, actor, cancellation);

    public Task<IssueResult> ReplaceAsync(string actor, string codeId, string reason, CancellationToken cancellation) =>
        lifecycle.ReplaceAsync(codeId, reason, actor, cancellation);

    public Task<SpendReport> ImportSpendAsync(string actor, string file, CancellationToken cancellation) =>
        spend.ImportAsync(file, actor, cancellation);
}
