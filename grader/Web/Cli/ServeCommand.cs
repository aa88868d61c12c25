using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits;
using Course.Grader.Web.Api;
using Course.Grader.Web.Hosting;
using Course.Grader.Web.Uploads;
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
            Description = "Grading jobs this process runs at the same time (0: leave grading to `grader worker` processes)",
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
            var course = context.Service<CoursePaths>();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = course.Directory });
            // Every poll of the queue, the outbox and the status table would otherwise log its SQL.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
            builder.WebHost.UseUrls(context.Get(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            builder.Services.AddSingleton(course);
            builder.Services.AddSingleton(TimeProvider.System);
            GraderCli.AddModules(builder.Services, builder.Configuration);
            builder.Services.AddGraderWeb();
            var slots = context.Get(workers);
            if (slots < 0)
            {
                throw new BadInputException("--workers: must be 0 or more");
            }

            if (slots > 0)
            {
                builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ServedWorkers>(provider, slots));
            }

            if (MailInterval(context.Get(mailEvery)) is { } interval)
            {
                builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ServedMail>(provider, interval));
            }

            await using var app = builder.Build();
            // A bad Web:PublicUrl or upload limit fails at start, not when the first commit status is set or upload comes.
            _ = app.Services.GetRequiredService<FeedbackLinks>();
            _ = app.Services.GetRequiredService<UploadRateOptions>();
            // So does a bad Smtp setting, not the first credits e-mail round.
            CreditsModule.CheckSettings(app.Services);
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
