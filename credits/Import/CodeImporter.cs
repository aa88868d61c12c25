using System.Text.RegularExpressions;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Credits.Csv;
using Course.Credits.Ledger;
using Course.Credits.Protection;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Import;

/// <summary>
/// Imports voucher codes: every row is checked first (format, expiry, duplicates in the file and in
/// the ledger) and every problem reported with its line; only a clean file is stored, in one transaction.
/// </summary>
internal sealed partial class CodeImporter(CreditsDbContext db, CodeProtector protector, ICourseProvider course, TimeProvider clock)
{
    private static readonly StaffCsv.Column[] Columns =
    [
        new("code", true, "code", "promotion code", "promo_code", "voucher") { Secret = true },
        new("expires", false, "expires", "expiry", "expiration date", "expires_at"),
    ];

    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Provider) || !ProviderName().IsMatch(request.Provider))
        {
            problems.Add($"--provider '{request.Provider}' is not a provider name (letters, digits, '-')");
        }

        if (request.Value is <= 0 or > 1_000_000 || double.IsNaN(request.Value))
        {
            problems.Add($"--value {request.Value} is not a positive amount");
        }

        DateTimeOffset? defaultExpiry = null;
        if (request.Expires is { } text)
        {
            if (!ExpiryDate.TryRead(text, course.Times, out var expires))
            {
                problems.Add($"--expires '{text}' is not a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm)");
            }
            else if (expires <= now)
            {
                problems.Add($"--expires {text} is in the past: every code would be expired");
            }
            else
            {
                defaultExpiry = expires;
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException(problems);
        }

        var rows = StaffCsv.Read(request.File, Columns);
        var batch = Ids.New();
        var codes = Check(request, rows, defaultExpiry, now, batch, problems);
        await CheckLedgerAsync(request.File, codes, problems, cancellation);
        if (problems.Count > 0)
        {
            problems.Add($"{request.File}: nothing imported ({problems.Count} problem(s) in {rows.Count} row(s))");
            throw new BadInputException(problems);
        }

        if (codes.Count == 0)
        {
            throw new BadInputException($"{request.File}: no codes in the file");
        }

        db.Codes.AddRange(codes.Select(c => c.Code));
        Audit.Record(db, now, "import", detail: $"batch {batch}: {codes.Count} {request.Provider} code(s) of {request.Value} from {Path.GetFileName(request.File)}", actor: request.Actor);
        try
        {
            // SaveChanges is one transaction: the whole file or nothing.
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException error)
        {
            throw new BadInputException($"{request.File}: nothing imported; a code was imported by another process at the same time ({error.InnerException?.Message})", error);
        }

        return new ImportReport(batch, request.Provider, request.Value, codes.Count, codes.Min(c => c.Code.ExpiresAt));
    }

    private List<(int Line, CreditCode Code)> Check(ImportRequest request, IReadOnlyList<StaffCsv.Row> rows,
        DateTimeOffset? defaultExpiry, DateTimeOffset now, string batch, List<string> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<(int, CreditCode)>();
        foreach (var row in rows)
        {
            var where = $"{request.File}:{row.Line}";
            var code = row["code"] ?? "";
            if (!CodeShape().IsMatch(code))
            {
                // The rejected value is not echoed: it may be a real code with a typo.
                problems.Add($"{where}: code is {(code.Length == 0 ? "empty" : "malformed")} (expected 4-128 letters, digits, '-' or '_')");
                continue;
            }

            var expires = defaultExpiry;
            if (row["expires"] is { Length: > 0 } text)
            {
                if (!ExpiryDate.TryRead(text, course.Times, out var own))
                {
                    // Not echoed either: in a row whose columns are out of order this cell is the code.
                    problems.Add($"{where}: expires is not a date (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm)");
                    continue;
                }

                expires = own;
            }

            if (expires <= now)
            {
                problems.Add($"{where}: code expired on {expires:yyyy-MM-dd HH:mm}Z");
                continue;
            }

            var fingerprint = protector.Fingerprint(code);
            if (seen.TryGetValue(fingerprint, out var first))
            {
                problems.Add($"{where}: duplicate of the code on line {first}");
                continue;
            }

            seen[fingerprint] = row.Line;
            var id = Ids.New();
            codes.Add((row.Line, new CreditCode
            {
                Id = id,
                Provider = request.Provider,
                Value = request.Value,
                ExpiresAt = expires,
                Secret = protector.Encrypt(id, code),
                Fingerprint = fingerprint,
                Batch = batch,
                ImportedAt = now,
            }));
        }

        return codes;
    }

    private async Task CheckLedgerAsync(string file, List<(int Line, CreditCode Code)> codes, List<string> problems,
        CancellationToken cancellation)
    {
        foreach (var chunk in codes.Chunk(500))
        {
            var fingerprints = chunk.Select(c => c.Code.Fingerprint).ToList();
            var existing = await db.Codes.AsNoTracking()
                .Where(c => fingerprints.Contains(c.Fingerprint))
                .Select(c => new { c.Fingerprint, c.Id, c.Batch })
                .ToDictionaryAsync(c => c.Fingerprint, cancellation);
            foreach (var (line, code) in chunk)
            {
                if (existing.TryGetValue(code.Fingerprint, out var old))
                {
                    problems.Add($"{file}:{line}: code already imported (code {old.Id}, batch {old.Batch})");
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{4,128}$")]
    private static partial Regex CodeShape();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ProviderName();
}
