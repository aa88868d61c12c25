using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Course.Grader.Tests.Intake.GitHub;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 for one request, answering with <see cref="TotalBytes"/> bytes of a
/// "tarball" (a gzip header, then zeros) in 64 KiB writes, without a Content-Length unless told to declare
/// one (then the body runs until the connection closes), counting what the socket accepted before the
/// client hung up. Plain sockets, not Kestrel: Kestrel quietly drops writes after a client leaves, so
/// only the socket can tell what was really sent.
/// </summary>
internal sealed class FloodServer : IAsyncDisposable
{
    private const int Chunk = 64 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _contentType;
    private readonly bool _declareLength;
    private Task<(long Sent, bool Completed)> _served = null!;

    private FloodServer(long totalBytes, string contentType, bool declareLength)
    {
        TotalBytes = totalBytes;
        _contentType = contentType;
        _declareLength = declareLength;
    }

    public long TotalBytes { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Bytes written when the response ended, and whether all of them were (false: the client closed the connection first).</summary>
    public Task<(long Sent, bool Completed)> Served => _served;

    public static FloodServer Start(long totalBytes, string contentType, bool declareLength)
    {
        var server = new FloodServer(totalBytes, contentType, declareLength);
        server._listener.Start();
        server._served = server.ServeOneAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _served;
        }
        catch (SocketException)
        {
            // No request came: the test has already failed for its own reason.
        }
    }

    private async Task<(long Sent, bool Completed)> ServeOneAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        await SkipRequestAsync(stream);
        var headers = $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nConnection: close\r\n"
            + (_declareLength ? $"Content-Length: {TotalBytes}\r\n" : "") + "\r\n";
        var chunk = new byte[Chunk];
        chunk[0] = 0x1f;
        chunk[1] = 0x8b;
        long sent = 0;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
            while (sent < TotalBytes)
            {
                var size = (int)Math.Min(Chunk, TotalBytes - sent);
                await stream.WriteAsync(chunk.AsMemory(0, size));
                sent += size;
                chunk[0] = chunk[1] = 0;
            }
        }
        catch (IOException)
        {
            // The client closed the connection: what was sent so far is the answer.
        }

        return (sent, sent == TotalBytes);
    }

    /// <summary>Reads the request up to the blank line after its headers (a GET has no body).</summary>
    private static async Task SkipRequestAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (seen.Count < 64 * 1024 && await stream.ReadAsync(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n')
            {
                return;
            }
        }
    }
}
