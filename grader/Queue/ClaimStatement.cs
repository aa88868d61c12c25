using Course.Core.Database;

namespace Course.Grader.Queue;

/// <summary>
/// The one statement that claims the next job. It picks and leases in a single UPDATE, so two
/// workers can never both win: SQLite serializes writers (the caller holds an IMMEDIATE
/// transaction), and PostgreSQL skips rows another transaction has locked (<c>FOR UPDATE SKIP LOCKED</c>).
/// A running job whose lease expired (its worker died) is claimable again. Only jobs that need at most
/// <c>@gpus</c> GPUs (the claiming host's free ones) qualify, so a CPU-only worker never takes a GPU job.
/// A full run waits while its owner has a smoke run unfinished, so every smoke run reports before the owner's
/// queued full runs start.
/// </summary>
internal static class ClaimStatement
{
    /// <summary>
    /// The claim order over jobs aliased <c>q</c>: smoke runs first (they are short and tell the student quickly),
    /// then whoever has used the least GPU time on the assignment so far, then fair order (each owner's first
    /// pending job before anyone's second), then the oldest. <see cref="QueueEstimate"/> orders by the same.
    /// </summary>
    public const string Order = """
        CASE WHEN q."Tier" = 'Smoke' THEN 0 ELSE 1 END,
        (SELECT COALESCE(SUM(u."DeviceMs"), 0) FROM grader_jobs AS u WHERE u."Assignment" = q."Assignment" AND u."Owner" = q."Owner"),
        q."FairSequence", q."EnqueuedAt", q."Id"
        """;

    public static string For(DatabaseProvider provider) => $"""
        UPDATE grader_jobs
        SET "State" = 'Running', "LeaseOwner" = @worker, "LeaseUntil" = @until, "HeartbeatAt" = @now,
            "StartedAt" = @now, "Attempts" = "Attempts" + 1, "Host" = @host, "GpuDevices" = NULL
        WHERE "Id" = (
            SELECT q."Id" FROM grader_jobs AS q
            WHERE q."Gpus" <= @gpus
              AND ((q."State" IN ('Queued', 'Retrying') AND q."NextAttemptAt" <= @now)
                OR (q."State" = 'Running' AND q."LeaseUntil" < @now))
              AND NOT (q."Tier" = 'Full' AND EXISTS (SELECT 1 FROM grader_jobs AS s
                WHERE s."Owner" = q."Owner" AND s."Tier" = 'Smoke' AND s."State" IN ('Queued', 'Running', 'Retrying')))
            ORDER BY {Order}
            LIMIT 1{(provider == DatabaseProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : "")})
        RETURNING "Id", "Attempts"
        """;
}
