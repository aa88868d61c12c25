using System.CommandLine;
using Course.Core.Cli;
using Course.Grader.Web.Hosting;

namespace Course.Grader.Web.Cli;

/// <summary><c>grader serve [--urls http://127.0.0.1:5000]</c>: the webhook, the JSON API and intake of pushes.</summary>
internal static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var command = new Command("serve", "Serve the GitHub webhook and the JSON API (migrates the database first)") { urls };
        host.Handle(command, async context =>
        {
            var course = context.Service<CoursePaths>();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = course.Directory });
            builder.WebHost.UseUrls(context.Get(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            builder.Services.AddSingleton(course);
            builder.Services.AddSingleton(TimeProvider.System);
            GraderCli.AddModules(builder.Services, builder.Configuration);
            builder.Services.AddGraderWeb();
            await using var app = builder.Build();
            app.UseGraderWeb();
            await GraderWeb.MigrateAsync(app.Services, context.Cancellation);
            await app.RunAsync(context.Cancellation);
            return 0;
        });
        return command;
    }
}
