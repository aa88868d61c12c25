using System.Globalization;
using Course.Core.Output;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Course.Grader.Queue;

/// <summary>Reads jobs with their results for <c>grader jobs</c> and <c>grader grade</c>.</summary>
internal sealed class JobsView(GraderDbContext db, QueueEstimate estimate)
{
    /// <summary>The given jobs, or with null the newest <paramref name="limit"/> jobs (optionally of one assignment/state).</summary>
    public async Task<IReadOnlyList<JobRow>> ListAsync(IReadOnlyList<Guid>? ids, CancellationToken cancellation,
        string? assignment = null, JobState? state = null, int limit = 200)
    {
        var jobs = db.Jobs.AsNoTracking();
        if (ids is not null)
        {
            jobs = jobs.Where(j => ids.Contains(j.Id));
        }

        if (assignment is not null)
        {
            jobs = jobs.Where(j => j.Assignment == assignment);
        }

        if (state is not null)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        var rows = await (from job in jobs
                          join result in db.Results.AsNoTracking() on job.Id equals result.JobId into results
                          from result in results.DefaultIfEmpty()
                          join submission in db.Submissions.AsNoTracking() on job.SubmissionId equals submission.Id
                          select new { job, result, submission.StaffFlag })
            .ToListAsync(cancellation);
        var places = rows.Any(r => QueueEstimate.Waits(r.job))
            ? await estimate.EstimateAsync(cancellation)
            : new Dictionary<Guid, QueuePlace>();
        return rows
            .OrderByDescending(r => r.job.EnqueuedAt).ThenBy(r => r.job.Owner, StringComparer.Ordinal)
            .Take(ids is null ? limit : int.MaxValue)
            .Select(r => new JobRow(r.job.Id, r.job.Assignment, r.job.Owner, r.job.Commit, r.job.State, r.job.Attempts,
                r.job.EnqueuedAt, r.job.FinishedAt, r.job.LeaseOwner, r.job.LastError, r.result?.Verdict, r.result?.Score,
                r.result?.MaxScore, r.result?.LateDays, r.result?.FeedbackKey, r.result?.TrainingCurveKey, r.StaffFlag, r.job.Gpus,
                r.job.Host, r.job.GpuDevices, r.job.SlurmJobId, r.job.SlurmNode) { Tier = r.job.Tier, Place = places.GetValueOrDefault(r.job.Id) })
            .ToList();
    }

    public static async Task PrintAsync(TextWriter output, IReadOnlyList<JobRow> rows)
    {
        var table = new Table().AddColumns("id", "assignment", "owner", "commit", "run", "state", "place", "result expected", "attempts", "host", "gpus",
            "slurm", "verdict", "score", "late", "note");
        foreach (var row in rows)
        {
            table.AddRow(row.Id.ToString("N")[..8], Markup.Escape(row.Assignment), Markup.Escape(row.Owner), Markup.Escape(row.Commit[..Math.Min(10, row.Commit.Length)]),
                row.Tier.ToString().ToLowerInvariant(), row.State.ToString().ToLowerInvariant(),
                row.Place is { } place ? $"#{place.Position}" : "",
                row.Place is { } expected ? $"{expected.ExpectedResult.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({QueueText.Basis(expected.Source)})" : "",
                row.Attempts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.Host ?? ""),
                // The devices once a run holds them; before that, how many it waits for.
                Markup.Escape(row.GpuDevices ?? (row.Gpus > 0 ? row.Gpus.ToString(CultureInfo.InvariantCulture) : "")),
                Markup.Escape(row.SlurmJobId is { } slurm ? $"{slurm}@{row.SlurmNode ?? "pending"}" : ""),
                row.Verdict?.ToString() ?? "",
                row.Score is { } score ? $"{score.ToString("0.##", CultureInfo.InvariantCulture)}/{row.MaxScore?.ToString("0.##", CultureInfo.InvariantCulture)}" : "",
                row.LateDays is > 0 ? $"{row.LateDays}d" : "",
                Markup.Escape(string.Join("; ", new[] { row.StaffFlag is { } flag ? $"FLAGGED {flag}" : null, row.LastError }.OfType<string>())));
        }

        await TableWriter.WriteAsync(output, table);
    }
}
