using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using MimeKit;

namespace Course.Credits.Tests.Support;

/// <summary>
/// A real SMTP server for one test: Debian's python3-aiosmtpd on a free port, saving each message into a
/// maildir. It can be started late (the "server is down, then comes back" case), listen on another address
/// than loopback, and offer STARTTLS or implicit TLS (aiosmtpd's own options).
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    public SmtpSink(string folder, IPAddress? address = null)
    {
        Maildir = Path.Combine(folder, "maildir");
        Address = address ?? IPAddress.Loopback;
        Port = FreePort(Address);
    }

    public IPAddress Address { get; }

    /// <summary>The address as Smtp:Host takes it.</summary>
    public string Host => Address.ToString();

    public int Port { get; }

    /// <summary>
    /// This machine's own address on a network interface (not loopback): a server there is reached over the
    /// network stack as a remote one would be.
    /// </summary>
    public static IPAddress NetworkAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("this machine has no IPv4 address besides loopback: the test needs one to play a remote SMTP server");

    public string Maildir { get; }

    /// <param name="options">More aiosmtpd options, e.g. <c>--tlscert</c>/<c>--tlskey</c> (STARTTLS, then required) or <c>--smtpscert</c>/<c>--smtpskey</c>.</param>
    public async Task StartAsync(params string[] options)
    {
        // Debian's interpreter: the package installs the module for /usr/bin/python3, not for other Pythons on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", .. options, "-c", "aiosmtpd.handlers.Mailbox", Maildir])
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
                await client.ConnectAsync(Address, Port);
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

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
