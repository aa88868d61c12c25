using Course.Assignments.Courses;
using Course.Assignments.Model.Values;
using Course.Core.Errors;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>
/// GPU-time budgets of full runs, per student or team and assignment (course.json <c>gpuBudget</c>): what was used
/// (<see cref="GradingJob.DeviceMs"/>, the real wall time × GPUs of finished full runs; failures of the grader and
/// smoke runs use none), refusal of a run that could pass it, and staff grants.
/// </summary>
internal sealed class ComputeBudget(GraderDbContext db, ICourseProvider course, TimeProvider time)
{
    private static readonly JobState[] Unfinished = [JobState.Queued, JobState.Running, JobState.Retrying];

    /// <summary>The standing of <paramref name="owner"/> on <paramref name="assignmentId"/>; null when the assignment has no budget.</summary>
    public async Task<BudgetStanding?> StandingAsync(string assignmentId, string owner, CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        if (assignment.GpuBudget is not { } budget)
        {
            return null;
        }

        var jobs = db.Jobs.AsNoTracking().Where(j => j.Assignment == assignment.Id && j.Owner == owner);
        var used = await jobs.SumAsync(j => j.DeviceMs, cancellation);
        var queued = await jobs.Where(j => j.Tier == JobTier.Full && Unfinished.Contains(j.State)).Select(j => j.Gpus).ToListAsync(cancellation);
        var granted = (await db.BudgetGrants.AsNoTracking().Where(g => g.Assignment == assignment.Id && g.Owner == owner)
            .Select(g => g.GpuSeconds).ToListAsync(cancellation)).Sum();
        var timeout = Duration.Parse(assignment.Limits.Timeout);
        return new BudgetStanding(assignment.Id, owner, TimeSpan.FromMilliseconds(used), timeout * queued.Sum(), Duration.Parse(budget),
            TimeSpan.FromSeconds(granted), timeout * assignment.Limits.Gpus);
    }

    /// <summary>Throws <see cref="BadInputException"/> with the numbers when one more full run could pass the budget.</summary>
    public async Task CheckAsync(string assignment, string owner, CancellationToken cancellation)
    {
        if (await StandingAsync(assignment, owner, cancellation) is { Allows: false } standing)
        {
            throw new BadInputException(standing.Refusal());
        }
    }

    /// <summary>Records <paramref name="gpuHours"/> more for <paramref name="owner"/>, granted by staff member <paramref name="actor"/> for <paramref name="reason"/>.</summary>
    public async Task<BudgetGrant> GrantAsync(string assignmentId, string owner, double gpuHours, string actor, string reason,
        CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        if (assignment.GpuBudget is null)
        {
            throw new BadInputException($"assignment '{assignment.Id}' has no gpuBudget in course.json: there is nothing to grant");
        }

        if (!double.IsFinite(gpuHours) || gpuHours is <= 0 or > 10_000)
        {
            throw new BadInputException($"--gpu-hours: {gpuHours} is not between 0 and 10000");
        }

        if (course.Course.Staff.All(s => s.Login != actor))
        {
            throw new BadInputException($"--by: '{actor}' is not a staff member in course.json");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BadInputException("--reason: say why the grant is made");
        }

        var grant = new BudgetGrant
        {
            Id = Guid.NewGuid(),
            Assignment = assignment.Id,
            Owner = owner,
            GpuSeconds = gpuHours * 3600,
            Actor = actor,
            Reason = reason.Trim(),
            GrantedAt = time.GetUtcNow(),
        };
        db.BudgetGrants.Add(grant);
        await db.SaveChangesAsync(cancellation);
        return grant;
    }

    /// <summary>Every student or team with jobs or grants on <paramref name="assignmentId"/>, with their standing.</summary>
    public async Task<IReadOnlyList<BudgetStanding>> ListAsync(string assignmentId, CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        if (assignment.GpuBudget is null)
        {
            throw new BadInputException($"assignment '{assignment.Id}' has no gpuBudget in course.json");
        }

        var owners = await db.Jobs.AsNoTracking().Where(j => j.Assignment == assignment.Id).Select(j => j.Owner)
            .Union(db.BudgetGrants.AsNoTracking().Where(g => g.Assignment == assignment.Id).Select(g => g.Owner))
            .ToListAsync(cancellation);
        var standings = new List<BudgetStanding>();
        foreach (var owner in owners.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            standings.Add((await StandingAsync(assignment.Id, owner, cancellation))!);
        }

        return standings;
    }
}
