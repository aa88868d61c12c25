using Course.Core.Database;

namespace Course.Grader.Queue;

/// <summary>
/// The one statement that claims the next job. It picks and leases in a single UPDATE, so two
/// workers can never both win: SQLite serializes writers (the caller holds an IMMEDIATE
/// transaction), and PostgreSQL skips rows another transaction has locked (<c>FOR UPDATE SKIP LOCKED</c>).
/// A running job whose lease expired (its worker died) is claimable again. Only jobs that need at most
/// <c>@gpus</c> GPUs (the claiming host's free ones) qualify, so a CPU-only worker never takes a GPU job.
/// </summary>
internal static class ClaimStatement
{
    public static string For(DatabaseProvider provider) => $"""
        UPDATE grader_jobs
        SET "State" = 'Running', "LeaseOwner" = @worker, "LeaseUntil" = @until, "HeartbeatAt" = @now,
            "StartedAt" = @now, "Attempts" = "Attempts" + 1, "Host" = @host, "GpuDevices" = NULL
        WHERE "Id" = (
            SELECT "Id" FROM grader_jobs
            WHERE "Gpus" <= @gpus
              AND (("State" IN ('Queued', 'Retrying') AND "NextAttemptAt" <= @now)
                OR ("State" = 'Running' AND "LeaseUntil" < @now))
            ORDER BY "FairSequence", "EnqueuedAt", "Id"
            LIMIT 1{(provider == DatabaseProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : "")})
        RETURNING "Id", "Attempts"
        """;
}
