using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader jobs rerun &lt;assignment&gt; [--owner X] [--failed-infrastructure]</c>: queues again the jobs that must
/// run again (see <see cref="JobReruns"/>); a worker (<c>grader worker</c>, <c>grader grade --wait</c>) runs them.
/// </summary>
internal static class JobsRerunCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id from course.json" };
        var owner = new Option<string?>("--owner") { Description = "Only this student's (or team's) jobs" };
        var infrastructure = new Option<bool>("--failed-infrastructure")
        {
            Description = "Only the jobs that ended as an infrastructure failure (not those whose test inputs, image or command changed)",
        };
        var command = new Command("rerun",
            "Queue again the jobs whose run's inputs changed and those the infrastructure failed; a re-run of a published grade waits in the rescore draft")
        {
            assignment, owner, infrastructure,
        };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var reruns = await scope.ServiceProvider.GetRequiredService<JobReruns>().RerunAsync(context.Get(assignment), context.Get(owner),
                context.Get(infrastructure), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(reruns);
                return ExitCodes.Ok;
            }

            foreach (var rerun in reruns)
            {
                await context.Out.WriteLineAsync($"{rerun.Owner} {rerun.Commit[..Math.Min(10, rerun.Commit.Length)]}: {rerun.Why}");
            }

            await context.Out.WriteLineAsync($"{reruns.Count} job(s) queued to run again");
            return ExitCodes.Ok;
        });
        return command;
    }
}
