using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Cluster;

/// <summary>Writes and reads <see cref="WorkerHost"/> rows: what each host that runs jobs has, as it last said.</summary>
internal sealed class HostRegistry(GraderDbContext db, TimeProvider time)
{
    /// <summary>Inserts or updates the row of <paramref name="seen"/>'s host, stamped now.</summary>
    public async Task AdvertiseAsync(WorkerHost seen, CancellationToken cancellation)
    {
        var row = await db.Hosts.SingleOrDefaultAsync(h => h.Name == seen.Name, cancellation);
        if (row is null)
        {
            row = new WorkerHost { Name = seen.Name, Engine = seen.Engine, SeenAt = time.GetUtcNow() };
            db.Hosts.Add(row);
        }

        row.Engine = seen.Engine;
        row.Cores = seen.Cores;
        row.MemoryBytes = seen.MemoryBytes;
        row.Gpus = seen.Gpus;
        row.FreeGpus = seen.FreeGpus;
        row.GpuKind = seen.GpuKind;
        row.Status = seen.Status;
        row.SeenAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // Two processes of one host inserted its row at once: the other's stands, the next beat updates it.
            db.ChangeTracker.Clear();
        }
    }

    public Task<List<WorkerHost>> ListAsync(CancellationToken cancellation) =>
        db.Hosts.AsNoTracking().OrderBy(h => h.Engine).ThenBy(h => h.Name).ToListAsync(cancellation);
}
