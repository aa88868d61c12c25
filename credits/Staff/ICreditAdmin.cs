using Course.Credits.Import;
using Course.Credits.Issuing;
using Course.Credits.Spend;
using Course.Credits.Status;

namespace Course.Credits.Staff;

/// <summary>
/// The staff's side of the ledger for front ends other than the command line (the grader's instructor console):
/// the same services as <c>grader credits status|import|issue --policy|replace|spend</c>, never a clear-text code.
/// Each change is in the ledger's audit under <c>actor</c>, the front end's signed-in user.
/// </summary>
public interface ICreditAdmin
{
    /// <summary>The ledger at one look, as <c>credits status</c>.</summary>
    Task<CreditsStatus> StatusAsync(CancellationToken cancellation);

    /// <summary>Imports a file of codes: the whole file or nothing; every bad line is named (<c>file:line</c>).</summary>
    /// <exception cref="Course.Core.Errors.BadInputException">A bad argument or line; nothing imported.</exception>
    Task<ImportReport> ImportAsync(string actor, string file, string provider, double value, string? expires, CancellationToken cancellation);

    /// <summary>Runs a perStudent or perTeamMember policy (idempotent: a student who has its code gets none again).</summary>
    Task<IssueReport> RunPolicyAsync(string actor, string policy, CancellationToken cancellation);

    /// <summary>Voids a code and issues its holder a new one of the same provider and value.</summary>
    Task<IssueResult> ReplaceAsync(string actor, string codeId, string reason, CancellationToken cancellation);

    /// <summary>Imports a billing report (the spend to date) and queues the spend reminders it calls for.</summary>
    Task<SpendReport> ImportSpendAsync(string actor, string file, CancellationToken cancellation);
}
