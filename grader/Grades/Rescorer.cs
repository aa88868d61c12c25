using System.Text.Json;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>
/// <c>grader grades rescore</c>: recomputes an assignment's published results under its current inputs as a draft
/// (<see cref="RescoreEntry"/> lines, old and new score and why), which staff publish into the results or discard.
/// A result whose run's own inputs changed (a test input, the image, the command) cannot be rescored on the host:
/// its line says so, and <c>grader jobs rerun</c> runs it again into the draft. Everything else is rescored from
/// the run's kept outputs (unpacked from the store into scratch space, deleted after) with the current reference
/// outputs, checks, late rule and deadline. Publishing logs every grade it changes in the grade audit log.
/// </summary>
internal sealed class Rescorer(GraderDbContext db, ICourseProvider course, GradingPaths paths, GradingInputs inputs, StoredCalibrations calibrations,
    IBlobStore store, Gradebook gradebook, IRoster roster, TimeProvider time)
{
    /// <summary>Replaces the assignment's draft (lines of re-runs stay) and returns every line now waiting, by owner.</summary>
    public async Task<IReadOnlyList<RescoreEntry>> DraftAsync(string assignmentId, CancellationToken cancellation)
    {
        var assignment = Rescorable(assignmentId);
        var current = await inputs.OfAsync(assignment, cancellation);
        var reference = await calibrations.ReferenceOutputsAsync(assignment.Id, cancellation);
        var results = await db.Results.AsNoTracking()
            .Where(r => r.Assignment == assignment.Id && r.Verdict != Verdict.InfrastructureFailure).ToListAsync(cancellation);
        var received = await db.Submissions.AsNoTracking().Where(s => s.Assignment == assignment.Id)
            .ToDictionaryAsync(s => s.Id, s => s.ReceivedAt, cancellation);
        var drafts = await db.Rescores.Where(e => e.Assignment == assignment.Id && e.State == RescoreState.Draft).ToListAsync(cancellation);
        // A re-run's line holds a run the host cannot repeat: it stays until published or discarded.
        var reruns = drafts.Where(d => d.Kind == RescoreKind.Rerun).Select(d => d.JobId).ToHashSet();
        db.Rescores.RemoveRange(drafts.Where(d => d.Kind != RescoreKind.Rerun));
        var now = time.GetUtcNow();
        foreach (var result in results.Where(r => !reruns.Contains(r.JobId)))
        {
            if (await RescoreAsync(assignment, result, received[result.SubmissionId], reference, current, now, cancellation) is { } line)
            {
                db.Rescores.Add(line);
            }
        }

        await db.SaveChangesAsync(cancellation);
        return await PendingAsync(assignment.Id, cancellation);
    }

    /// <summary>The assignment's draft lines, by owner and commit.</summary>
    public async Task<IReadOnlyList<RescoreEntry>> PendingAsync(string assignmentId, CancellationToken cancellation) =>
        (await db.Rescores.AsNoTracking().Where(e => e.Assignment == assignmentId && e.State == RescoreState.Draft).ToListAsync(cancellation))
        .OrderBy(e => e.Owner, StringComparer.Ordinal).ThenBy(e => e.Commit, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Publishes every draft line that has a new result into the results, all or none: refused when a published result
    /// changed since the draft was made. Lines that wait for a run stay. Returns the lines published.
    /// </summary>
    public async Task<IReadOnlyList<RescoreEntry>> PublishAsync(string assignmentId, string by, CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        RequireStaff(by);
        IReadOnlyList<RescoreEntry> lines = [];
        await gradebook.AuditedAsync("rescore", by, $"rescore of {assignment.Id} published", [], async () =>
            lines = await PublishDraftAsync(assignment, by, cancellation), cancellation);
        return lines;
    }

    private async Task<IReadOnlyList<RescoreEntry>> PublishDraftAsync(AssignmentSpec assignment, string by, CancellationToken cancellation)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var lines = await db.Rescores.Where(e => e.Assignment == assignment.Id && e.State == RescoreState.Draft && e.Result != null)
            .ToListAsync(cancellation);
        var now = time.GetUtcNow();
        foreach (var line in lines)
        {
            var published = await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == line.JobId, cancellation);
            if (published?.RecordedAt != line.OldRecordedAt)
            {
                throw new BadInputException(
                    $"the draft of {assignment.Id} is out of date ({line.Owner}'s result changed since it was made): run grader grades rescore {assignment.Id} again");
            }

            await db.Results.Where(r => r.JobId == line.JobId).ExecuteDeleteAsync(cancellation);
            db.Results.Add(RescoreLines.Replacement(line)!);
            line.State = RescoreState.Published;
            line.DecidedAt = now;
            line.DecidedBy = by;
        }

        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return lines;
    }

    /// <summary>Throws the assignment's draft away (the results stay as published); returns how many lines it had.</summary>
    public async Task<int> DiscardAsync(string assignmentId, string by, CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        RequireStaff(by);
        var now = time.GetUtcNow();
        return await db.Rescores.Where(e => e.Assignment == assignment.Id && e.State == RescoreState.Draft)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.State, RescoreState.Discarded)
                .SetProperty(e => e.DecidedAt, now)
                .SetProperty(e => e.DecidedBy, by), cancellation);
    }

    private AssignmentSpec Rescorable(string assignmentId)
    {
        var assignment = course.Assignment(assignmentId);
        return assignment.Kind is AssignmentKind.Tests or AssignmentKind.Debug
            ? assignment
            : throw new BadInputException(assignment.Kind == AssignmentKind.Competition
                ? $"'{assignment.Id}' is a competition: its grades come from the leaderboard's final board, not from single runs"
                : $"'{assignment.Id}' is {assignment.Kind.ToString().ToLowerInvariant()} work, graded by TAs, not by the sandbox");
    }

    /// <summary>The line of one published result, or null when its score stays as it is.</summary>
    private async Task<RescoreEntry?> RescoreAsync(AssignmentSpec assignment, GradingResult published, DateTimeOffset receivedAt,
        string reference, string current, DateTimeOffset now, CancellationToken cancellation)
    {
        var changes = published.GradedInputs is { } recorded ? GradingInputs.Changes(recorded, current) : null;
        if (changes?.Where(c => c.NeedsRun).Select(c => c.What).ToList() is { Count: > 0 } runChanges)
        {
            return RescoreLines.Line(published, RescoreKind.NeedsRun, null, $"{string.Join("; ", runChanges)}: run it again (grader jobs rerun {assignment.Id})", now);
        }

        if (published.OutputsKey is not { } outputsKey)
        {
            // Without recorded inputs nothing shows a change: the result is left as graded.
            return changes is not { Count: > 0 } ? null
                : RescoreLines.Line(published, RescoreKind.NeedsRun, null, $"the run's outputs are not in the store: run it again (grader jobs rerun {assignment.Id})", now);
        }

        var output = paths.Staging();
        GradingResult rescored;
        IReadOnlyList<CheckResult> checks;
        try
        {
            await store.MaterializeAsync(outputsKey, output, cancellation);
            (rescored, checks) = Recompute(assignment, published, receivedAt, reference, output, current, now);
        }
        finally
        {
            Scratch.Delete(output);
        }

        var scoreChanged = (rescored.Verdict, rescored.Score, rescored.MaxScore, rescored.LateDays)
                           != (published.Verdict, published.Score, published.MaxScore, published.LateDays);
        var late = published.LateDays > 0 || rescored.LateDays > 0;
        // A late rule or deadline that moved changes nothing for work on time either way: not named for it.
        var why = changes?.Where(c => late || !c.AboutLateness).Select(c => c.What).ToList()
                  ?? Unrecorded(published, rescored);
        // Only changed scores make the draft: an unchanged one keeps its result, and the next rescore finds it unchanged again.
        if (!scoreChanged)
        {
            return null;
        }

        var reason = why.Count > 0 ? string.Join("; ", why) : "rescored from the kept outputs (no recorded input changed)";
        rescored.FeedbackKey = await FeedbackAsync(published, rescored, checks, reason, cancellation);
        return RescoreLines.Line(published, RescoreKind.Rescored, rescored, reason, now);
    }

    // The report the published result points at, rewritten to the new score; stored now, it is only read once the draft is published.
    private async Task<string?> FeedbackAsync(GradingResult published, GradingResult rescored, IReadOnlyList<CheckResult> checks, string why,
        CancellationToken cancellation) =>
        published.FeedbackKey is { } key && await store.ReadTextAsync(key, cancellation) is { } report
            ? await store.PutTextAsync(RescoredFeedback.Rewrite(report, published, rescored, checks, why), cancellation)
            : published.FeedbackKey;

    // Results from before inputs were recorded: name the part of the score that moved.
    private static List<string> Unrecorded(GradingResult published, GradingResult rescored)
    {
        var why = new List<string>();
        if (Math.Abs(rescored.RawScore - published.RawScore) > 1e-9 || rescored.MaxScore != published.MaxScore)
        {
            why.Add("the checks' points changed (reference outputs or checks; inputs were not recorded for this result)");
        }

        var oldFactor = published.RawScore > 0 ? published.Score / published.RawScore : (double?)null;
        var newFactor = rescored.RawScore > 0 ? rescored.Score / rescored.RawScore : (double?)null;
        if (rescored.LateDays != published.LateDays || (oldFactor is { } before && newFactor is { } after && Math.Abs(before - after) > 1e-9))
        {
            why.Add("the late penalty changed (late rule or deadline; inputs were not recorded for this result)");
        }

        return why;
    }

    private (GradingResult Result, IReadOnlyList<CheckResult> Checks) Recompute(AssignmentSpec assignment, GradingResult published,
        DateTimeOffset receivedAt, string reference, string output, string current, DateTimeOffset now)
    {
        var tests = assignment.Tests ?? new TestsSpec();
        var (produced, rejected) = Outputs(published.SandboxResultJson);
        var verdict = published.Verdict;
        var raw = 0.0;
        IReadOnlyList<CheckResult> checks = [];
        if (!OutputChecks.Unchecked(verdict))
        {
            // MissingOutput and RejectedOutput were judged from the checks and outputs: judge them again from a graded run.
            var ran = verdict is Verdict.MissingOutput or Verdict.RejectedOutput ? Verdict.Graded : verdict;
            checks = OutputChecks.Compare(tests, assignment.Id, reference, output, produced);
            raw = checks.Sum(c => c.Points);
            verdict = OutputChecks.WithRejected(OutputChecks.Judge(ran, tests, checks, produced), rejected);
        }

        var (lateDays, factor) = LatePolicy.Evaluate(receivedAt, course.Times.Deadline(assignment), assignment.LatePolicy, course.Times.Zone);
        return (new GradingResult
        {
            JobId = published.JobId,
            SubmissionId = published.SubmissionId,
            Assignment = published.Assignment,
            Owner = published.Owner,
            Commit = published.Commit,
            Verdict = verdict,
            ExitCode = published.ExitCode,
            RawScore = raw,
            Score = raw * factor,
            MaxScore = tests.Checks.Sum(c => c.Points),
            LateDays = lateDays,
            StdoutTail = published.StdoutTail,
            StderrTail = published.StderrTail,
            SandboxResultJson = published.SandboxResultJson,
            OutputsKey = published.OutputsKey,
            MetricsLogKey = published.MetricsLogKey,
            FeedbackKey = published.FeedbackKey,
            TrainingCurveKey = published.TrainingCurveKey,
            RecordedAt = now,
            GradedInputs = current,
        }, checks);
    }

    /// <summary>The files the run wrote to /out and whether the sandbox rejected any, from its recorded result.</summary>
    private static (IReadOnlySet<string> Produced, bool Rejected) Outputs(string sandboxResult)
    {
        if (sandboxResult.Length == 0)
        {
            return (new HashSet<string>(StringComparer.Ordinal), false);
        }

        using var document = JsonDocument.Parse(sandboxResult);
        var root = document.RootElement;
        var produced = root.TryGetProperty("outputs", out var outputs)
            ? outputs.EnumerateArray().Select(o => o.GetProperty("path").GetString()!.TrimStart('/')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return (produced, root.TryGetProperty("rejected", out var rejected) && rejected.GetArrayLength() > 0);
    }

    private void RequireStaff(string login)
    {
        if (roster.Staff(login) is null)
        {
            throw new BadInputException($"--by: '{login}' is not on the course's staff (course.json staff)");
        }
    }
}
