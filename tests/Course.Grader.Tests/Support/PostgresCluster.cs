using System.Diagnostics;

namespace Course.Grader.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster for one test: initdb into a temporary folder, listening only on a unix
/// socket in that folder, stopped and deleted on dispose. Uses the Debian server binaries
/// (/usr/lib/postgresql/N/bin) and fails loudly when they are missing. As root, the server runs as
/// the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const int Port = 5432;
    private readonly string _bin;

    private PostgresCluster(string bin, string directory)
    {
        _bin = bin;
        Directory = directory;
    }

    public string Directory { get; }

    public string ConnectionString => $"Host={Directory};Port={Port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL server binaries are missing under /usr/lib/postgresql: apt-get install postgresql");
        var cluster = new PostgresCluster(bin!, Path.Combine(Path.GetTempPath(), $"course-grader-pg-{Guid.NewGuid():N}"));
        await cluster.RunAsync("initdb", "-D", cluster.Directory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await cluster.RunAsync("pg_ctl", "-D", cluster.Directory, "-l", Path.Combine(cluster.Directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {cluster.Directory} -c listen_addresses= -c fsync=off -c max_connections=100", "start");
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "-D", Directory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : Path.Combine(_bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (root ? ["-u", "postgres", "--", Path.Combine(_bin, program)] : Array.Empty<string>()).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}{await output}");
    }
}
