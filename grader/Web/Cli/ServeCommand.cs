using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Cluster;
using Course.Grader.Web.Hosting;
using Course.Sandbox.Limits;

namespace Course.Grader.Web.Cli;

/// <summary>
/// <c>grader serve [--urls http://127.0.0.1:5000] [--workers 1] [--mail-every 1m]</c>: pages, JSON API, webhook, intake of
/// pushes, grading, and the credits e-mail.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Grading jobs this process runs at the same time (0: leave grading to `grader worker` processes); with Queue:Engine slurm, any N above 0 dispatches jobs to Slurm",
            DefaultValueFactory = _ => 1,
        };
        var mailEvery = new Option<string>("--mail-every")
        {
            Description = "How often to send the credits e-mail outbox, e.g. 30s or 5m ('off': leave it to `grader credits send`)",
            DefaultValueFactory = _ => "1m",
        };
        var command = new Command("serve", "Serve the pages, the JSON API and the GitHub webhook, grade, and send the credits e-mail (migrates the database first)")
        {
            urls, workers, mailEvery,
        };
        host.Handle(command, async context =>
        {
            var slots = context.Get(workers);
            if (slots < 0)
            {
                throw new BadInputException("--workers: must be 0 or more");
            }

            var interval = MailInterval(context.Get(mailEvery));
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = context.Course.Directory });
            // The same configuration and services as every other command: Clock__Now and the overrides reach the server too.
            builder.Configuration.UseCliConfiguration(host);
            builder.Services.AddGraderWeb(host, context.Course.CourseFile);
            // Every poll of the queue, the outbox and the status table would otherwise log its SQL.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
            builder.WebHost.UseUrls(context.Get(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (slots > 0)
            {
                // With the Slurm engine the server dispatches to Slurm, as `grader worker` does there; it never grades in its own process.
                builder.Services.AddHostedService<BackgroundService>(provider => provider.GetRequiredService<ClusterOptions>().Engine == ClusterEngine.Slurm
                    ? ActivatorUtilities.CreateInstance<ServedDispatcher>(provider)
                    : ActivatorUtilities.CreateInstance<ServedWorkers>(provider, slots));
            }

            if (interval is { } every)
            {
                builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ServedMail>(provider, every));
            }

            await using var app = builder.Build();
            // Every module's settings (Smtp, Queue, Sandbox, GitHub, Web) are read here: a bad one stops the server, exit 2.
            app.UseGraderWeb();
            await GraderWeb.MigrateAsync(app.Services, context.Cancellation);
            await app.RunAsync(context.Cancellation);
            return 0;
        });
        return command;
    }

    private static TimeSpan? MailInterval(string text) =>
        text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : LimitText.ParseDuration(text, "--mail-every");
}
