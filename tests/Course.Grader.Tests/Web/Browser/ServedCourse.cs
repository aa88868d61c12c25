using System.Net;
using System.Net.Sockets;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>A test course served by a real <c>grader serve</c> process on a free local port.</summary>
internal sealed class ServedCourse : IAsyncDisposable
{
    private readonly GraderProcess _server;

    private ServedCourse(TestCourse course, GraderProcess server, Uri address)
    {
        Course = course;
        _server = server;
        Address = address;
    }

    public TestCourse Course { get; }

    public Uri Address { get; }

    /// <summary>What the server wrote so far (its log).</summary>
    public string Output => _server.Output;

    /// <param name="options">More options of <c>grader serve</c> (<c>--workers 0</c>: nothing is graded in the process).</param>
    public static async Task<ServedCourse> StartAsync(TestCourse course, params string[] options)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var server = GraderProcess.Start(course, ["serve", "--urls", address.ToString(), .. options]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var patience = TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(address)).StatusCode == HttpStatusCode.OK)
                {
                    return new ServedCourse(course, server, address);
                }
            }
            catch (HttpRequestException) when (!server.HasExited && waited.Elapsed < patience)
            {
            }
            catch (TaskCanceledException) when (!server.HasExited && waited.Elapsed < patience)
            {
            }

            Assert.False(server.HasExited || waited.Elapsed > patience, $"grader serve did not answer:\n{server.Output}");
            await Task.Delay(200);
        }
    }

    public async Task<string> TokenAsync(string login)
    {
        var (exit, output, error) = await Course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            await _server.TerminateAsync(TimeSpan.FromSeconds(20));
        }

        _server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
