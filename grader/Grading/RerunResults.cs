using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grading;

/// <summary>
/// Where the result of a re-run job goes (<c>grader jobs rerun</c>), inside the queue's completing transaction: it
/// replaces an infrastructure failure, which was never a grade; beside a published grade it waits as a rescore
/// draft line (<see cref="RescoreKind.Rerun"/>) for staff to publish; a re-run that failed on infrastructure leaves
/// the published grade as it is.
/// </summary>
internal static class RerunResults
{
    public static async Task RecordAsync(GraderDbContext db, GradingResult published, GradingResult rerun, DateTimeOffset now,
        CancellationToken cancellation)
    {
        if (published.Verdict == Verdict.InfrastructureFailure)
        {
            await db.Results.Where(r => r.JobId == published.JobId).ExecuteDeleteAsync(cancellation);
            db.Results.Add(rerun);
            return;
        }

        if (rerun.Verdict == Verdict.InfrastructureFailure)
        {
            return;
        }

        await db.Rescores.Where(e => e.JobId == published.JobId && e.State == RescoreState.Draft).ExecuteDeleteAsync(cancellation);
        var changes = published.GradedInputs is { } before && rerun.GradedInputs is { } after
            ? GradingInputs.Changes(before, after).Select(c => c.What).ToList()
            : [];
        db.Rescores.Add(RescoreLines.Line(published, RescoreKind.Rerun, rerun,
            changes.Count > 0 ? string.Join("; ", changes) : "run again (grader jobs rerun)", now));
    }
}
