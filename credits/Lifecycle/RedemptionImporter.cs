using System.Globalization;
using Course.Core.Errors;
using Course.Credits.Csv;
using Course.Credits.Ledger;
using Course.Credits.Protection;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Lifecycle;

/// <summary>
/// Imports a provider's redemption report (a <c>code</c> column, optional <c>redeemed_at</c>): codes it lists
/// become Redeemed. Malformed rows fail the whole file; codes not in the ledger are reported, not fatal
/// (a provider's report may cover other courses).
/// </summary>
internal sealed class RedemptionImporter(CreditsDbContext db, CodeProtector protector, TimeProvider clock)
{
    private static readonly StaffCsv.Column[] Columns =
    [
        new("code", true, "code", "promotion code", "promo_code", "voucher") { Secret = true },
        new("redeemed", false, "redeemed_at", "redemption date", "redeemed"),
    ];

    public sealed record Report(int Redeemed, int AlreadyRedeemed, IReadOnlyList<string> Warnings);

    public async Task<Report> ImportAsync(string file, CancellationToken cancellation)
    {
        var rows = StaffCsv.Read(file, Columns);
        var problems = new List<string>();
        var now = clock.GetUtcNow();
        var wanted = new List<(int Line, string Fingerprint, DateTimeOffset At)>();
        foreach (var row in rows)
        {
            var at = now;
            if (string.IsNullOrWhiteSpace(row["code"]))
            {
                problems.Add($"{file}:{row.Line}: code is empty");
            }
            else if (row["redeemed"] is { Length: > 0 } text && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal, out at))
            {
                // Not echoed: in a row whose columns are out of order this cell is the code.
                problems.Add($"{file}:{row.Line}: redeemed_at is not a date (expected e.g. 2026-11-20 or 2026-11-20T14:30:00Z)");
            }
            else
            {
                wanted.Add((row.Line, protector.Fingerprint(row["code"]!), at));
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException([.. problems, $"{file}: nothing imported"]);
        }

        var fingerprints = wanted.Select(w => w.Fingerprint).ToList();
        var codes = await db.Codes.Where(c => fingerprints.Contains(c.Fingerprint)).ToDictionaryAsync(c => c.Fingerprint, cancellation);
        var warnings = new List<string>();
        int redeemed = 0, already = 0;
        foreach (var (line, fingerprint, at) in wanted)
        {
            if (!codes.TryGetValue(fingerprint, out var code))
            {
                warnings.Add($"{file}:{line}: this code is not in the ledger");
            }
            else if (code.Status == CodeStatus.Redeemed)
            {
                already++;
            }
            else if (code.Login is null)
            {
                warnings.Add($"{file}:{line}: code {code.Id} was redeemed but never issued (status {code.Status}): look into it");
            }
            else
            {
                code.Status = CodeStatus.Redeemed;
                code.RedeemedAt = at;
                Audit.Record(db, now, "redeemed", code.Id, code.Login, $"provider report {Path.GetFileName(file)}");
                redeemed++;
            }
        }

        await db.SaveChangesAsync(cancellation);
        return new Report(redeemed, already, warnings);
    }
}
