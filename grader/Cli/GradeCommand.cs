using System.CommandLine;
using Course.Core.Cli;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Cluster;
using Course.Grader.Grading;
using Course.Core.Output;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader grade &lt;assignment&gt; [--student LOGIN] [--smoke] [--wait]</c>: enqueues the recorded submissions (their
/// full runs, or with --smoke their smoke runs); with --wait, also runs a worker in this process until they are all graded
/// or blocked by the course's set-up (then it names the reason and exits with <see cref="ExitCodes.Blocked"/>).
/// </summary>
internal static class GradeCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id from course.json" };
        var student = new Option<string?>("--student") { Description = "Only this student's (or team's) submissions" };
        var wait = new Option<bool>("--wait") { Description = "Grade in this process and wait for the results" };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel runs with --wait", DefaultValueFactory = _ => 1 };
        var smoke = new Option<bool>("--smoke") { Description = "Queue the smoke runs (an assignment with a smoke section), not the graded full runs" };
        var command = new Command("grade", "Queue grading of recorded submissions") { assignment, student, wait, concurrency, smoke };
        host.Handle(command, async context =>
        {
            if (context.Get(concurrency) < 1)
            {
                throw new BadInputException("--concurrency: must be at least 1");
            }

            if (context.Get(wait) && context.Service<ClusterOptions>().Engine == ClusterEngine.Slurm)
            {
                throw new BadInputException("--wait: Queue:Engine is slurm, so jobs run as Slurm jobs that `grader worker` submits, "
                                            + "not in this process; queue them without --wait and follow them with `grader jobs`");
            }

            var tier = context.Get(smoke) ? JobTier.Smoke : JobTier.Full;
            if (context.Get(wait))
            {
                RefuseWaitWithoutGpus(context, context.Get(assignment), tier);
            }

            List<Guid> ids;
            await using (var scope = context.CreateScope())
            {
                var jobs = await scope.ServiceProvider.GetRequiredService<GradeRequests>()
                    .EnqueueAsync(context.Get(assignment), context.Get(student), context.Cancellation, tier);
                ids = jobs.Select(j => j.Job.Id).ToList();
                if (!context.Json)
                {
                    await context.Out.WriteLineAsync(GradeRequests.Summary(jobs));
                }
            }

            if (context.Get(wait) && ids.Count > 0)
            {
                var worker = context.Service<QueueWorker>();
                var reported = -1;
                async Task<int> GradeAsync(IProgress<ProgressStep>? progress)
                {
                    await worker.RunAsync(context.Get(concurrency), null, async cancellation =>
                    {
                        await using var scope = context.CreateScope();
                        var done = await scope.ServiceProvider.GetRequiredService<GradeRequests>().SettledAsync(ids, cancellation);
                        if (Interlocked.Exchange(ref reported, done) != done)
                        {
                            progress?.Report(new ProgressStep("graded", done, ids.Count));
                        }

                        return done == ids.Count;
                    }, context.Cancellation);
                    return 0;
                }

                // JSON output stays parseable: no progress lines on stdout.
                _ = context.Json ? await GradeAsync(null) : await context.Progress().RunAsync($"grading {ids.Count} job(s)", GradeAsync);
            }

            await using (var scope = context.CreateScope())
            {
                var rows = await scope.ServiceProvider.GetRequiredService<JobsView>().ListAsync(ids, context.Cancellation);
                if (context.Json)
                {
                    await context.WriteJsonAsync(rows);
                }
                else if (context.Get(wait))
                {
                    await JobsView.PrintAsync(context.Out, rows);
                }

                var blocked = rows.Where(r => r.State == JobState.Blocked).ToList();
                if (!context.Get(wait) || blocked.Count == 0)
                {
                    return ExitCodes.Ok;
                }

                foreach (var reason in blocked.Select(r => r.LastError).Distinct(StringComparer.Ordinal))
                {
                    await context.Error.WriteLineAsync($"{blocked.Count(r => r.LastError == reason)} job(s) blocked: {reason}");
                }

                return ExitCodes.Blocked;
            }
        });
        return command;
    }

    /// <summary>This process would never claim the jobs it waits for: say so before anything is queued.</summary>
    private static void RefuseWaitWithoutGpus(CommandContext context, string assignment, JobTier tier)
    {
        var needed = TierRun.Limits(context.Service<ICourseProvider>().Assignment(assignment), tier).Gpus;
        var gpus = context.Service<IGradingSandbox>().Gpus.Count;
        if (needed > gpus)
        {
            throw new BadInputException(
                $"--wait: '{assignment}' needs {needed} GPU(s) per run and this host has {gpus}; queue it without --wait "
                + "and run `grader worker` on a host with enough GPUs");
        }
    }
}
