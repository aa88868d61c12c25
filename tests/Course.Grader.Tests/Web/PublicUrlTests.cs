using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Web;

/// <summary>A mistyped <c>Web:PublicUrl</c> stops the worker and the server as they start, before any job is claimed.</summary>
public sealed class PublicUrlTests
{
    private const string Message = "Web:PublicUrl: 'ftp://grader.example' is not an absolute http(s) URL";

    [Fact]
    public async Task BadPublicUrl_Worker_ExitsTwoNamingTheSetting()
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings["Web:PublicUrl"] = "ftp://grader.example";

        var (exit, _, error) = await course.RunAsync("worker");

        Assert.Equal(2, exit);
        Assert.Contains(Message, error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task BadPublicUrl_Serve_ExitsTwoNamingTheSetting()
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings["Web:PublicUrl"] = "ftp://grader.example";
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains(Message, server.Output, StringComparison.Ordinal);
    }
}
