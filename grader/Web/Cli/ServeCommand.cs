using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Web.Api;
using Course.Grader.Web.Hosting;

namespace Course.Grader.Web.Cli;

/// <summary><c>grader serve [--urls http://127.0.0.1:5000] [--workers 1]</c>: pages, JSON API, webhook, intake of pushes and grading.</summary>
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
        var command = new Command("serve", "Serve the pages, the JSON API and the GitHub webhook, and grade (migrates the database first)")
        {
            urls, workers,
        };
        host.Handle(command, async context =>
        {
            var course = context.Service<CoursePaths>();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = course.Directory });
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

            await using var app = builder.Build();
            // A bad Web:PublicUrl fails at start, not when the first commit status is set.
            _ = app.Services.GetRequiredService<FeedbackLinks>();
            app.UseGraderWeb();
            await GraderWeb.MigrateAsync(app.Services, context.Cancellation);
            await app.RunAsync(context.Cancellation);
            return 0;
        });
        return command;
    }
}
