using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Course.Credits.Tests.Support;

/// <summary>
/// A real SMTP server for one test: Debian's python3-aiosmtpd on a free port, saving each message into a
/// maildir. It can be started late (the "server is down, then comes back" case).
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    public SmtpSink(string folder)
    {
        Maildir = Path.Combine(folder, "maildir");
        Port = FreePort();
    }

    public int Port { get; }

    public string Maildir { get; }

    public async Task StartAsync()
    {
        // Debian's interpreter: the package installs the module for /usr/bin/python3, not for other Pythons on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        for (var i = 0; i < 200; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} (install the Debian package python3-aiosmtpd)");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on port {Port} within 10 s");
    }

    /// <summary>Every message the server accepted.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
