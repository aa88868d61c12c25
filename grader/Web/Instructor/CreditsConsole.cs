using System.Globalization;
using System.Security.Claims;
using Course.Core.Errors;
using Course.Credits.Import;
using Course.Credits.Issuing;
using Course.Credits.Spend;
using Course.Credits.Staff;
using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Instructor;

/// <summary>
/// The instructor's credits actions over HTTP, for the console's forms and the <c>/api/credits/ledger</c> routes alike:
/// the credits module's own import, policy run, replacement and spend import, each logged with its actor (<see cref="StaffAudit"/>) and in the ledger's audit under the signed-in login.
/// </summary>
internal sealed class CreditsConsole(ICreditAdmin admin, StaffCsvUpload upload, StaffAudit audit)
{
    public async Task<ImportReport> ImportAsync(ClaimsPrincipal actor, Stream file, string? fileName, string? provider, string? value,
        string? expires, CancellationToken cancellation)
    {
        var amount = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new BadInputException($"value: '{value}' is not a number (the value of each code, e.g. 100)");
        var report = await upload.ImportAsync(file, fileName, path => admin.ImportAsync(Login(actor), path, provider?.Trim() ?? "", amount,
            string.IsNullOrWhiteSpace(expires) ? null : expires.Trim(), cancellation), cancellation);
        audit.Record(actor, "credit codes imported", $"batch {report.Batch}: {report.Imported} {report.Provider} code(s) of {report.Value}");
        return report;
    }

    public async Task<IssueReport> RunPolicyAsync(ClaimsPrincipal actor, string? policy, CancellationToken cancellation)
    {
        var name = string.IsNullOrWhiteSpace(policy) ? throw new BadInputException("policy: name the credits policy to run") : policy.Trim();
        var report = await admin.RunPolicyAsync(Login(actor), name, cancellation);
        audit.Record(actor, "credits policy run", $"policy {name}: {report.Issued} issued, {report.NoneLeft} none left");
        return report;
    }

    public async Task<IssueResult> ReplaceAsync(ClaimsPrincipal actor, string codeId, string? reason, CancellationToken cancellation)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? throw new BadInputException("reason: say why the code is replaced") : reason.Trim();
        var result = await admin.ReplaceAsync(Login(actor), codeId, why, cancellation);
        audit.Record(actor, "credit code replaced", $"code {codeId} of {result.Login} by {result.CodeId}");
        return result;
    }

    public async Task<SpendReport> ImportSpendAsync(ClaimsPrincipal actor, Stream file, string? fileName, CancellationToken cancellation)
    {
        var report = await upload.ImportAsync(file, fileName, path => admin.ImportSpendAsync(Login(actor), path, cancellation), cancellation);
        audit.Record(actor, "credits spend imported", $"{report.Students} student(s), {report.Reminders} reminder(s)");
        return report;
    }

    private static string Login(ClaimsPrincipal actor) => actor.Identity!.Name!;
}
