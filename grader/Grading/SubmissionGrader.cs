using Course.Assignments.Courses;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Model;
using Course.Core.Output;
using Course.Grader.Grading.Build;
using Course.Grader.Grading.Training;
using Course.Grader.Queue;
using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// Grades one submission: runs it in the sandbox with the assignment's image (or one it offers that the
/// submission asks for, see <see cref="ImageChoice"/>), command, limits and
/// read-only data (a C# submission is built first, in the same run: see <see cref="CSharpBuild"/>), then
/// scores on the host (tests/debug: compare outputs with the reference outputs, which are never mounted;
/// competition: the leaderboard scores /out/predictions.csv), applies the late policy and writes the
/// feedback report with its build and training sections (checks and curve from the run's metrics log).
/// </summary>
internal sealed class SubmissionGrader(ICourseProvider course, IGradingSandbox sandbox, ICompetitionScorer scorer,
    GradingPaths paths, CalibratedBaseline baseline, TimeProvider time)
{
    /// <summary>Largest metrics log kept with a result.</summary>
    private const long MaxMetricsBytes = 8 * 1024 * 1024;

    public async Task<GradingResult> GradeAsync(GradingJob job, Submission submission, int attempt, CancellationToken cancellation)
    {
        var assignment = course.Assignment(submission.Assignment);
        var folder = RunFolder(job, attempt);
        var output = Path.Combine(folder, "out");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(output);
        var build = CSharpBuild.For(assignment, submission.SnapshotPath, course.Resolve);
        var image = build is null ? ImageChoice.For(assignment, submission.SnapshotPath) : new ImageChoice(build.Image, null);
        var command = TierRun.Command(assignment, job.Tier);
        var limits = TierRun.Limits(assignment, job.Tier);
        var request = new SandboxRequest(image.Image, build?.Command(command) ?? command, limits,
            build is null ? Mounts(assignment, submission) : [.. Mounts(assignment, submission), build.Mount], output, $"job-{job.Id:N}-{attempt}")
        {
            GpuDevices = job.GpuDeviceList(),
        };
        var run = await sandbox.RunAsync(request, cancellation);
        var built = build is null ? null : BuildReport.Read(output);

        var smoke = job.Tier == JobTier.Smoke;
        var (lateDays, factor) = smoke ? (0, 1.0) : LatePolicy.Evaluate(submission.ReceivedAt, course.Times.Deadline(assignment), assignment.LatePolicy);
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
            if (verdict is not (Verdict.TimedOut or Verdict.ProcessLimit or Verdict.OutOfMemory or Verdict.BuildError))
            {
                checks.AddRange(Check(tests, assignment, output, produced));
                raw = checks.Sum(c => c.Points);
                if (verdict == Verdict.Graded && checks.Any(c => c.Problem is not null) && tests.Checks.Any(c => !produced.Contains(c.Output)))
                {
                    verdict = Verdict.MissingOutput;
                }
            }
        }

        if (run.Rejected.Count > 0 && verdict == Verdict.Graded)
        {
            verdict = Verdict.RejectedOutput;
        }

        var score = raw * factor;
        var metrics = Path.Combine(output, TrainingSection.MetricsFile);
        // The baseline is looked up (possibly scored) only for a run that has a metrics log to judge.
        var logged = produced.Contains(TrainingSection.MetricsFile);
        // Before the training section reads the log: a line cut off by the stop is dropped so the curve so far is drawn.
        var partial = run.TimedOut ? PartialRun.Describe(logged ? metrics : null, run.WallMs) : null;
        var training = TrainingSection.Write(logged ? metrics : null, logged ? baseline.Options(assignment) : new FeedbackOptions(), folder);
        var buildSection = build is not null && built is not null
            ? BuildSection.Render(built, verdict == Verdict.BuildError, run.WallMs, limits.Timeout, submission.SnapshotPath, build.Packages)
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
        return Record(job, folder, content,
            produced.Contains(TrainingSection.MetricsFile) && new FileInfo(metrics).Length <= MaxMetricsBytes ? metrics : null, training.CurvePath);
    }

    /// <summary>The result recorded when every attempt failed for infrastructure reasons: flagged, never a grade.</summary>
    public GradingResult InfrastructureFailure(GradingJob job, Submission submission, string error)
    {
        var folder = RunFolder(job, job.Attempts + 1);
        Directory.CreateDirectory(folder);
        var content = new FeedbackContent(submission, Verdict.InfrastructureFailure)
        {
            Tier = job.Tier,
            Problem = Markdown.Line(
                $"The grading infrastructure failed on every attempt ({error}). This does not count against you; the staff will re-run it."),
        };
        return Record(job, folder, content, metricsLogPath: null, trainingCurvePath: null);
    }

    /// <summary>Writes the run's feedback.md and the result that records it: the one place a result is made.</summary>
    private GradingResult Record(GradingJob job, string folder, FeedbackContent content, string? metricsLogPath, string? trainingCurvePath)
    {
        var feedbackPath = Path.Combine(folder, "feedback.md");
        File.WriteAllText(feedbackPath, FeedbackReport.Render(content));
        return new GradingResult
        {
            JobId = job.Id,
            SubmissionId = content.Submission.Id,
            Assignment = job.Assignment,
            Owner = job.Owner,
            Commit = job.Commit,
            Verdict = content.Verdict,
            Tier = content.Tier,
            WallMs = content.Run?.WallMs,
            ExitCode = content.Run?.ExitCode,
            RawScore = content.RawScore,
            Score = content.Score,
            MaxScore = content.MaxScore,
            LateDays = content.LateDays,
            StdoutTail = content.Run?.StdoutTail ?? "",
            StderrTail = content.Run?.StderrTail ?? "",
            SandboxResultJson = content.Run?.Json ?? "",
            MetricsLogPath = metricsLogPath,
            FeedbackPath = feedbackPath,
            TrainingCurvePath = trainingCurvePath,
            RecordedAt = time.GetUtcNow(),
        };
    }

    /// <summary>The run's folder; a smoke run's is beside the full runs' of the same commit, never one of them.</summary>
    private string RunFolder(GradingJob job, int attempt) =>
        paths.Run(job.Assignment, job.Owner, job.Commit, attempt) + (job.Tier == JobTier.Smoke ? "-smoke" : "");

    private static Markdown SmokePassed(AssignmentSpec assignment) => Markdown.Line(
        $"The smoke run passed; it is not graded. Submit this commit for its graded full run: push a tag matching '{assignment.Smoke!.SubmitTag}', publish a release, or press Submit on your submission's page.");

    private IReadOnlyList<SandboxMount> Mounts(AssignmentSpec assignment, Submission submission)
    {
        var mounts = new List<SandboxMount> { new(submission.SnapshotPath, "/submission") };
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

    private IEnumerable<CheckResult> Check(TestsSpec tests, AssignmentSpec assignment, string output, HashSet<string> produced)
    {
        var reference = paths.ReferenceOutputs(assignment.Id);
        foreach (var check in tests.Checks)
        {
            var expected = Path.Combine(reference, check.Output);
            if (!File.Exists(expected))
            {
                throw new InfrastructureException($"reference output {expected} is missing (run calibration for '{assignment.Id}')");
            }

            // Several checks on one file compare one member each (debug assignments: checks.json).
            var member = tests.Checks.Count(c => c.Output == check.Output) > 1 ? check.Name : null;
            var problem = produced.Contains(check.Output)
                ? JsonOutputComparer.Compare(Path.Combine(output, check.Output), expected, check.Tolerance, member)
                : $"{check.Output} was not written to /out";
            yield return new CheckResult(check.Name, problem is null ? check.Points : 0, check.Points, problem);
        }
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
