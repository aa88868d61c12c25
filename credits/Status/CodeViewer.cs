using Course.Credits.Ledger;
using Course.Credits.Protection;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Status;

/// <summary>Shows a student's codes in clear text to staff; every view is written to the audit table first.</summary>
internal sealed class CodeViewer(CreditsDbContext db, CodeProtector protector, TimeProvider clock)
{
    public sealed record Shown(string CodeId, string Provider, double Value, string Status, DateTimeOffset? ExpiresAt, string Code);

    public async Task<IReadOnlyList<Shown>> ShowAsync(string login, string actor, CancellationToken cancellation)
    {
        var codes = await db.Codes.AsNoTracking().Where(c => c.Login == login).OrderBy(c => c.IssuedAt).ToListAsync(cancellation);
        foreach (var code in codes)
        {
            Audit.Record(db, clock.GetUtcNow(), "view", code.Id, login, "clear-text code shown", actor);
        }

        // The audit is committed before anything is decrypted: no view goes unrecorded.
        await db.SaveChangesAsync(cancellation);
        return codes.Select(c => new Shown(c.Id, c.Provider, c.Value, c.Status.ToString(), c.ExpiresAt, protector.Decrypt(c.Id, c.Secret)))
            .ToList();
    }
}
