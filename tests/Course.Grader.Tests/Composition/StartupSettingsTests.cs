using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Composition;

/// <summary>
/// Every module's settings are read one way, before any work: one bad value per module stops a real <c>grader</c>
/// process, a command using the module and <c>grader serve</c> alike, with exit 2 naming the key. Some of these once
/// became a default silently (Queue: the worker ran on), crashed with a stack trace (Sandbox:Engine, Credits:KeyFile)
/// or waited for first use.
/// </summary>
public sealed class StartupSettingsTests
{
    private static readonly string[] SandboxRun = ["sandbox", "run", "--image", "course-busybox", "--", "true"];

    public static TheoryData<string, string, string, string[]> Commands() => new()
    {
        { "Smtp:Port", "abc", "Smtp__Port: 'abc' is not a port number", ["credits", "send"] },
        { "Sandbox:Cores", "x", "Sandbox:Cores: 'x' is not a cpuset list", SandboxRun },
        { "Sandbox:Engine", "docker socket", "Sandbox:Engine: 'docker socket' is not an absolute", SandboxRun },
        { "Queue:LeaseSeconds", "-5", "Queue:LeaseSeconds: '-5' is not a number of seconds above 0", ["worker"] },
        { "Queue:MaxAttempts", "many", "Queue:MaxAttempts: 'many' is not a whole number", ["worker"] },
        { "Queue:HeartbeatSeconds", "90", "Queue:HeartbeatSeconds: 90 s must be shorter than Queue:LeaseSeconds (60 s)", ["worker"] },
        { "GitHub:BaseUrl", "api.github.example", "GitHub:BaseUrl: 'api.github.example' is not an absolute", ["fetch", TestCourse.Assignment, "--source", "github"] },
        { "Web:PublicUrl", "ftp://grader.example", "Web:PublicUrl: 'ftp://grader.example' is not an absolute http(s) URL", ["worker"] },
        { "Credits:KeyFile", "missing/credits.key", "Credits:KeyFile: folder", ["credits", "status"] },
        { "Clock:Now", "tomorrow", "Clock__Now: 'tomorrow' is not a time", ["worker"] },
        { "Storage:S3:Endpoint", "http://s3.example", "Storage__S3__Bucket: not set, but Storage__S3__Endpoint is", ["worker"] },
    };

    public static TheoryData<string, string, string> Served()
    {
        var data = new TheoryData<string, string, string>
        {
            { "Web:Uploads:PerWindow", "0", "Web:Uploads:PerWindow: '0' is not a whole number of 1 or more" },
            { "Web:KnownNetworks", "10.0.0.0/33", "Web:KnownNetworks: '10.0.0.0/33' is not a network" },
            { "GitHub:OAuth:ClientId", "Iv1.8a61f9b3a7aba766", "GitHub:OAuth:ClientSecret: not set, but GitHub:OAuth:ClientId is" },
            { "GitHub:OAuth:TokenUrl", "github.com/login/oauth/access_token", "GitHub:OAuth:TokenUrl: 'github.com/login/oauth/access_token' is not an absolute" },
        };
        foreach (var row in Commands())
        {
            data.Add((string)row[0], (string)row[1], (string)row[2]);
        }

        return data;
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Commands))]
    public async Task Command_BadModuleSetting_ExitsTwoNamingTheKey(string key, string value, string message, string[] command)
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings[key] = value;
        using var process = GraderProcess.Start(course, command);

        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 2, $"exit {exit}: {process.Output}");
        Assert.Contains($"stderr: error: {message}", process.Output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Served))]
    public async Task Serve_BadModuleSetting_ExitsTwoNamingTheKey(string key, string value, string message)
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings[key] = value;
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0", "--mail-every", "off");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 2, $"exit {exit}: {server.Output}");
        Assert.Contains($"stderr: error: {message}", server.Output, StringComparison.Ordinal);
    }
}
