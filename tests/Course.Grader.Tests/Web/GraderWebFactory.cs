using Course.Core.Cli;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The <c>grader serve</c> host (same services and pipeline) over a test course, in memory or on Kestrel
/// (<see cref="WebTestBed.StartOnKestrelAsync"/>). A <paramref name="fallback"/> answers the requests no route takes.
/// </summary>
internal sealed class GraderWebFactory(TestCourse course, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings,
    RequestDelegate? fallback = null)
    : WebApplicationFactory<Program>
{
    public const string Secret = "It's a Secret to Everybody";

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
                course.Overrides().Concat(settings).Append(new("GitHub:WebhookSecret", Secret))))
            .ConfigureWebHostDefaults(web => web
                .ConfigureServices((context, services) =>
                {
                    services.AddSingleton(new CoursePaths(course.CourseFile));
                    GraderCli.AddModules(services, context.Configuration);
                    services.AddSingleton<TimeProvider>(clock);
                    services.AddGraderWeb();
                })
                .Configure(app =>
                {
                    app.UseGraderWeb();
                    if (fallback is not null)
                    {
                        app.Run(fallback);
                    }
                }));
}
