using Course.Grader.Tests.Support;
using Course.Grader.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The <c>grader serve</c> host (same configuration, services and pipeline as the command's) over a test course, in
/// memory or on Kestrel (<see cref="WebTestBed.StartOnKestrelAsync"/>). <paramref name="settings"/> go over the course's,
/// as a command's test overrides; a <paramref name="clock"/> replaces the server's (null: the command line's, which
/// <c>Clock:Now</c> sets). A <paramref name="fallback"/> answers the requests no route takes.
/// </summary>
internal sealed class GraderWebFactory(TestCourse course, FakeTimeProvider? clock, IReadOnlyDictionary<string, string?> settings,
    RequestDelegate? fallback = null)
    : WebApplicationFactory<Program>
{
    public const string Secret = "It's a Secret to Everybody";

    protected override IHostBuilder CreateHostBuilder()
    {
        var cli = course.Host(settings.Append(new("GitHub:WebhookSecret", Secret)));
        return Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.UseCliConfiguration(cli))
            .ConfigureWebHostDefaults(web => web
                .ConfigureServices(services =>
                {
                    services.AddGraderWeb(cli, course.CourseFile);
                    if (clock is not null)
                    {
                        services.AddSingleton<TimeProvider>(clock);
                    }
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
}
