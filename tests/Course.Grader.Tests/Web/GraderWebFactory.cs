using Course.Core.Cli;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>The <c>grader serve</c> host (same services and pipeline) over a test course, in memory.</summary>
internal sealed class GraderWebFactory(TestCourse course, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings)
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
                .Configure(app => app.UseGraderWeb()));
}
