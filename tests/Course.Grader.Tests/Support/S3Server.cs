using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Course.Grader.Tests.Support;

/// <summary>
/// A real S3-compatible server for one test: s3rver 3.7.1 (Node.js, installed under tools/ by
/// scripts/prerequisites.sh) on a free loopback port, keeping its objects in a temporary folder, with the bucket
/// <see cref="Bucket"/>; killed and deleted on dispose. Fails loudly when s3rver or node is missing.
/// </summary>
internal sealed class S3Server : IAsyncDisposable
{
    /// <summary>s3rver's one account: the only keys whose signatures it accepts.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    public const string Bucket = "course-files";

    private Process? _process;

    private S3Server(string folder, int port)
    {
        Folder = folder;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Where s3rver keeps its buckets: an object is a file named <c>KEY._S3rver_object</c> under the bucket's folder.</summary>
    public string Folder { get; }

    public Uri Endpoint { get; }

    public static async Task<S3Server> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Folder, "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        Assert.True(File.Exists(script), $"s3rver is missing ({script}): run bash scripts/prerequisites.sh, which installs it with npm install --prefix tools s3rver@3.7.1");
        var server = new S3Server(Path.Combine(Path.GetTempPath(), $"course-grader-s3-{Guid.NewGuid():N}"), FreePort());
        Directory.CreateDirectory(server.Folder);
        try
        {
            await server.StartAsync(script);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The settings that point the blob store at this server's bucket, as a course's configuration takes them.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Storage:S3:Endpoint"] = Endpoint.ToString(),
        ["Storage:S3:Bucket"] = Bucket,
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
    };

    /// <summary>Points <paramref name="course"/>'s blob store at this server.</summary>
    public void Serve(TestCourse course)
    {
        foreach (var (key, value) in Settings())
        {
            course.Settings[key] = value;
        }
    }

    /// <summary>The objects in the bucket: their keys (as s3rver names their files) and sizes.</summary>
    public IReadOnlyDictionary<string, long> Objects()
    {
        const string suffix = "._S3rver_object";
        var bucket = Path.Combine(Folder, Bucket);
        return Directory.EnumerateFiles(bucket, "*" + suffix, SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(bucket, f)[..^suffix.Length].Replace(Path.DirectorySeparatorChar, '/'),
            f => new FileInfo(f).Length);
    }

    /// <summary>Every byte s3rver has written to disk so far: objects, and the parts of uploads still open.</summary>
    public long BytesOnDisk() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>Kills the server, as a store that goes away while a client still reads from it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
            _process?.Dispose();
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task StartAsync(string script)
    {
        var start = new ProcessStartInfo("node", [script, "-d", Folder, "-a", "127.0.0.1", "-p", Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--silent", "--no-vhost-buckets", "--configure-bucket", Bucket])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("node is missing: run bash scripts/prerequisites.sh (Debian packages nodejs and npm)", error);
        }

        var errors = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        for (var i = 0; i < 300; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {_process.ExitCode}: {await errors}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Endpoint.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"s3rver did not listen on port {Endpoint.Port} within 15 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
