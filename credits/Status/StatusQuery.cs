using Course.Credits.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Status;

/// <summary>Builds <see cref="CreditsStatus"/> from the ledger; shows code ids, never codes.</summary>
internal sealed class StatusQuery(CreditsDbContext db)
{
    public async Task<CreditsStatus> GetAsync(CancellationToken cancellation)
    {
        var codes = await db.Codes.AsNoTracking()
            .Select(c => new { c.Id, c.Provider, c.Value, c.Status, c.Login, c.Note, c.ExpiresAt })
            .ToListAsync(cancellation);
        var inventory = codes.GroupBy(c => (c.Provider, c.Value)).OrderBy(g => g.Key.Provider).ThenBy(g => g.Key.Value)
            .Select(g => new CreditsStatus.InventoryLine(g.Key.Provider, g.Key.Value,
                g.GroupBy(c => c.Status).OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Count()), g.Count())
            {
                NextExpiry = g.Where(c => c.Status == CodeStatus.Available).Min(c => c.ExpiresAt),
            })
            .ToList();
        var spend = await db.Spend.AsNoTracking().ToDictionaryAsync(s => s.Login, s => s.Total, cancellation);
        var held = codes.Where(c => c.Login is not null).ToList();
        var students = held.GroupBy(c => c.Login!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CreditsStatus.StudentLine(g.Key,
                g.Count(c => c.Status != CodeStatus.Replaced),
                g.Count(c => c.Status is CodeStatus.Sent or CodeStatus.Redeemed),
                g.Count(c => c.Status == CodeStatus.Redeemed),
                g.Count(c => c.Status == CodeStatus.Problem),
                g.Where(c => c.Status is CodeStatus.Issued or CodeStatus.Sent or CodeStatus.Problem).Sum(c => c.Value),
                spend.GetValueOrDefault(g.Key),
                g.Select(c => $"{c.Id}:{c.Status}").ToList()))
            .ToList();
        var problems = codes.Where(c => c.Status == CodeStatus.Problem || (c.Status == CodeStatus.Replaced))
            .Select(c => new CreditsStatus.ProblemCase(c.Id, c.Login, c.Status.ToString(), c.Note)).ToList();
        var outbox = await db.Outbox.AsNoTracking().Select(m => new { m.State, m.LastError, m.Attempts, m.To }).ToListAsync(cancellation);
        var errors = outbox.Where(m => m.State == OutboxState.Pending && m.LastError is not null)
            .Select(m => $"{m.To}: {m.LastError} (attempts {m.Attempts})").ToList();
        return new CreditsStatus(inventory, students, students.Sum(s => s.Outstanding), problems,
            new CreditsStatus.OutboxLine(
                outbox.Count(m => m.State == OutboxState.Pending),
                outbox.Count(m => m.State == OutboxState.Sending),
                outbox.Count(m => m.State == OutboxState.Sent),
                outbox.Count(m => m.State == OutboxState.Cancelled),
                errors));
    }
}
