using Course.Assignments.Courses;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Model;
using Course.Core.Output;
using Course.Grader.Grading.Build;
using Course.Grader.Grading.Training;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// Grades one submission: runs it in the sandbox with the assignment's image (or one it offers that the
/// submission asks for, see <see cref="ImageChoice"/>), command, limits and
/// read-only data (a C# submission is built first, in the same run: see <see cref="CSharpBuild"/>), then
/// scores on the host (tests/debug: compare outputs with the reference outputs, which are never mounted;
/// competition: the leaderboard scores /out/predictions.csv), applies the late policy and writes the
/// feedback report with its build and training sections (checks and curve from the run's metrics log).
/// The snapshot comes from the store and is unpacked into a scratch folder for the run; the feedback, the curve,
/// the metrics log and the whole /out go into the store, and the scratch folder is deleted.
/// </summary>
internal sealed class SubmissionGrader(ICourseProvider course, IGradingSandbox sandbox, ICompetitionScorer scorer,
    GradingPaths paths, CalibratedBaseline baseline, StoredCalibrations calibrations, IBlobStore store, CourseSetup setup,
    GradingInputs inputs, TimeProvider time)
{
    /// <summary>Largest metrics log kept with a result.</summary>
    private const long MaxMetricsBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Grades the submission; when <paramref name="timeUp"/> fires first (an outer limit, a cluster's, falls before the
    /// assignment's), the run ends as at its time limit, with what it logged kept. <paramref name="containerEnded"/> is called
    /// when the sandbox run has returned, before the outputs are checked and stored.
    /// </summary>
    public async Task<GradingResult> GradeAsync(GradingJob job, Submission submission, int attempt, CancellationToken cancellation,
        CancellationToken timeUp = default, Action? containerEnded = null)
    {
        // Before the sandbox starts: an uncalibrated assignment would run every submission only to fail scoring it.
        await setup.RequireAsync(job.Assignment, cancellation);
        var folder = RunFolder(job, attempt);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        try
        {
            var snapshot = Path.Combine(folder, "submission");
            await store.MaterializeAsync(submission.SnapshotKey
                ?? throw new InfrastructureException($"the snapshot of {submission.Id} is not in the store (run grader db migrate)"), snapshot, cancellation);
            return await GradeAsync(job, submission, attempt, folder, snapshot, timeUp, containerEnded, cancellation);
        }
        finally
        {
            Scratch.Delete(folder);
        }
    }

    /// <summary>The result recorded when every attempt failed for infrastructure reasons: flagged, never a grade.</summary>
    public Task<GradingResult> InfrastructureFailureAsync(GradingJob job, Submission submission, string error, CancellationToken cancellation) =>
        UnrunAsync(job, submission, Verdict.InfrastructureFailure, cancellation, Markdown.Line(
            $"The grading infrastructure failed on every attempt ({error}). This does not count against you; the staff will re-run it."));

    /// <summary>
    /// The result of a run whose end the grading never saw, only its cluster: <paramref name="verdict"/> with
    /// <paramref name="problem"/> (by default the verdict's own sentence), no outputs and no score; <paramref name="ran"/>
    /// is how long the cluster says it ran, when it ran at all (what a full run's GPU time is charged from).
    /// </summary>
    public Task<GradingResult> UnrunAsync(GradingJob job, Submission submission, Verdict verdict, CancellationToken cancellation, Markdown? problem = null,
        TimeSpan? ran = null)
    {
        var content = new FeedbackContent(submission, verdict) { Problem = problem ?? VerdictWording.Sentence(verdict), Tier = job.Tier };
        return RecordAsync(job, content, new RunFiles(null, null, null), cancellation, (long?)ran?.TotalMilliseconds);
    }

    private async Task<GradingResult> GradeAsync(GradingJob job, Submission submission, int attempt, string folder, string snapshot,
        CancellationToken timeUp, Action? containerEnded, CancellationToken cancellation)
    {
        var assignment = course.Assignment(submission.Assignment);
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        var build = CSharpBuild.For(assignment, snapshot, course.Resolve);
        var image = build is null ? ImageChoice.For(assignment, snapshot) : new ImageChoice(build.Image, null);
        var command = TierRun.Command(assignment, job.Tier);
        var limits = TierRun.Limits(assignment, job.Tier);
        var request = new SandboxRequest(image.Image, build?.Command(command) ?? command, limits,
            build is null ? Mounts(assignment, snapshot) : [.. Mounts(assignment, snapshot), build.Mount], output, $"job-{job.Id:N}-{attempt}")
        {
            GpuDevices = job.GpuDeviceList(),
            TimeUp = timeUp,
        };
        var run = await sandbox.RunAsync(request, cancellation);
        containerEnded?.Invoke();
        var built = build is null ? null : BuildReport.Read(output);

        var smoke = job.Tier == JobTier.Smoke;
        var (lateDays, factor) = smoke ? (0, 1.0)
            : LatePolicy.Evaluate(submission.ReceivedAt, course.Times.Deadline(assignment), assignment.LatePolicy, course.Times.Zone);
        var produced = run.Outputs.Select(o => o.Path.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var verdict = run.TimedOut ? Verdict.TimedOut
            : run.ProcessLimitHit ? Verdict.ProcessLimit
            : run.OutputLimitHit ? Verdict.OutputLimit
            : run.OomKilled ? Verdict.OutOfMemory
            : built?.Failed(run.ExitCode) == true ? Verdict.BuildError
            : run.ExitCode != 0 ? Verdict.NonZeroExit
            : Verdict.Graded;
        var checks = new List<CheckResult>();
        Markdown? competitionLine = null;
        double raw = 0;
        double max;
        if (smoke)
        {
            max = 0;
            if (verdict is Verdict.Graded or Verdict.NonZeroExit or Verdict.OutputLimit)
            {
                checks.AddRange(SmokeChecks.Check(assignment, output, produced));
                verdict = verdict != Verdict.Graded || checks.All(c => c.Problem is null) ? verdict
                    : checks.Any(c => c.Problem!.EndsWith("was not written to /out", StringComparison.Ordinal)) ? Verdict.MissingOutput
                    : Verdict.InvalidOutput;
            }
        }
        else if (assignment.Kind == AssignmentKind.Competition)
        {
            max = 1;
            (raw, competitionLine, verdict) = await ScoreCompetitionAsync(assignment, job, submission, output, produced, verdict, cancellation);
        }
        else
        {
            var tests = assignment.Tests ?? new TestsSpec();
            max = tests.Checks.Sum(c => c.Points);
            if (!OutputChecks.Unchecked(verdict))
            {
                var reference = await calibrations.ReferenceOutputsAsync(assignment.Id, cancellation);
                checks.AddRange(OutputChecks.Compare(tests, assignment.Id, reference, output, produced));
                raw = checks.Sum(c => c.Points);
                verdict = OutputChecks.Judge(verdict, tests, checks, produced);
            }
        }

        verdict = OutputChecks.WithRejected(verdict, run.Rejected.Count > 0);

        var score = raw * factor;
        var metrics = Path.Combine(output, TrainingSection.MetricsFile);
        // The baseline is looked up (possibly scored) only for a run that has a metrics log to judge.
        var logged = produced.Contains(TrainingSection.MetricsFile);
        // Before the training section reads the log and the store keeps it: a line cut off by the stop is dropped so the curve so far
        // is drawn and kept.
        var partial = run.TimedOut ? PartialRun.Describe(logged ? metrics : null, run.WallMs) : null;
        var training = TrainingSection.Write(logged ? metrics : null, logged ? await baseline.OptionsAsync(assignment, cancellation) : new FeedbackOptions(),
            folder);
        var buildSection = build is not null && built is not null
            ? BuildSection.Render(built, verdict == Verdict.BuildError, run.WallMs, limits.Timeout, snapshot, build.Packages)
            : null;
        var content = new FeedbackContent(submission, verdict)
        {
            Run = run,
            Image = image,
            Checks = checks,
            CompetitionLine = competitionLine,
            RawScore = raw,
            Score = score,
            MaxScore = max,
            LateDays = lateDays,
            Problem = smoke && verdict == Verdict.Graded ? SmokePassed(assignment) : VerdictWording.Sentence(verdict),
            Partial = partial,
            Tier = job.Tier,
            Training = verdict == Verdict.BuildError ? null : training.Section,
            Build = buildSection,
        };
        var files = new RunFiles(
            await store.PutFolderAsync(output, cancellation),
            logged && new FileInfo(metrics).Length <= MaxMetricsBytes ? await store.PutFileAsync(metrics, cancellation) : null,
            training.CurvePath is { } curve ? await store.PutFileAsync(curve, cancellation) : null);
        return await RecordAsync(job, content, files, cancellation);
    }

    /// <summary>Stores the run's feedback report and makes the result that records it and the run's files: the one place a result is made.</summary>
    private async Task<GradingResult> RecordAsync(GradingJob job, FeedbackContent content, RunFiles files, CancellationToken cancellation,
        long? unrunWallMs = null)
    {
        var feedback = await store.PutTextAsync(FeedbackReport.Render(content), cancellation);
        return new GradingResult
        {
            JobId = job.Id,
            SubmissionId = content.Submission.Id,
            Assignment = job.Assignment,
            Owner = job.Owner,
            Commit = job.Commit,
            Verdict = content.Verdict,
            Tier = content.Tier,
            WallMs = content.Run?.WallMs ?? unrunWallMs,
            ExitCode = content.Run?.ExitCode,
            RawScore = content.RawScore,
            Score = content.Score,
            MaxScore = content.MaxScore,
            LateDays = content.LateDays,
            StdoutTail = content.Run?.StdoutTail ?? "",
            StderrTail = content.Run?.StderrTail ?? "",
            SandboxResultJson = content.Run?.Json ?? "",
            OutputsKey = files.Outputs,
            MetricsLogKey = files.MetricsLog,
            FeedbackKey = feedback,
            TrainingCurveKey = files.TrainingCurve,
            RecordedAt = time.GetUtcNow(),
            GradedInputs = await inputs.OfAsync(course.Assignment(job.Assignment), cancellation),
        };
    }

    /// <summary>The run's scratch folder; a smoke run's is beside the full runs' of the same commit, never one of them.</summary>
    private string RunFolder(GradingJob job, int attempt) =>
        paths.Run(job.Assignment, job.Owner, job.Commit, attempt) + (job.Tier == JobTier.Smoke ? "-smoke" : "");

    private static Markdown SmokePassed(AssignmentSpec assignment) => Markdown.Line(
        $"The smoke run passed; it is not graded. Submit this commit for its graded full run: push a tag matching '{assignment.Smoke!.SubmitTag}', publish a release, or press Submit on your submission's page.");

    private IReadOnlyList<SandboxMount> Mounts(AssignmentSpec assignment, string snapshot)
    {
        var mounts = new List<SandboxMount> { new(snapshot, "/submission") };
        foreach (var name in assignment.Data)
        {
            var dataset = course.Course.Datasets.FirstOrDefault(d => d.Name == name)
                ?? throw new InvalidOperationException($"assignment '{assignment.Id}' names unknown data set '{name}'");
            mounts.AddRange(dataset.Mounts(course.Resolve).Select(m => new SandboxMount(m.Source, m.Target)));
        }

        if (assignment.Tests?.Inputs is { } inputs)
        {
            // Hidden inputs go in read-only; the expected outputs stay on the host.
            mounts.Add(new SandboxMount(course.Resolve(inputs), "/data/inputs"));
        }

        return mounts;
    }

    private async Task<(double Raw, Markdown Line, Verdict Verdict)> ScoreCompetitionAsync(AssignmentSpec assignment, GradingJob job,
        Submission submission, string output, HashSet<string> produced, Verdict verdict, CancellationToken cancellation)
    {
        if (verdict is Verdict.TimedOut or Verdict.ProcessLimit or Verdict.OutOfMemory)
        {
            return (0, Markdown.Constant("No predictions were scored: the run did not finish."), verdict);
        }

        if (verdict == Verdict.BuildError)
        {
            return (0, Markdown.Constant("No predictions were scored: your project did not build."), verdict);
        }

        if (!produced.Contains("predictions.csv"))
        {
            return (0, Markdown.Constant("No /out/predictions.csv was written."), Verdict.MissingOutput);
        }

        var key = $"{job.Assignment}/{job.Owner}/{job.Commit}";
        var scored = await scorer.ScoreAsync(assignment.Id, job.Owner, Path.Combine(output, "predictions.csv"), key,
            submission.ReceivedAt, cancellation);
        return scored.Score is { } value
            ? (value, Markdown.Line($"Public leaderboard score ({scored.Metric}): {value:0.#####}"), verdict)
            : (0, Markdown.Line($"predictions.csv was not scored: {scored.Problem}"), Verdict.InvalidOutput);
    }
}
