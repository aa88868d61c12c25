using System.Text;
using Docker.DotNet;

namespace Course.Sandbox.Output;

/// <summary>
/// Keeps the last bytes of the container's stdout and stderr. The engine's log file is capped
/// (json-file max-size), and only a fixed window is kept here, so gigabytes printed cost the
/// host nothing but that window.
/// </summary>
internal sealed class LogTail(int capacity)
{
    private readonly Ring _stdout = new(capacity);
    private readonly Ring _stderr = new(capacity);

    public string Stdout => _stdout.Text();

    public string Stderr => _stderr.Text();

    public async Task ReadAsync(MultiplexedStream stream, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation);
            if (read.EOF)
            {
                return;
            }

            var ring = read.Target == MultiplexedStream.TargetStream.StandardError ? _stderr : _stdout;
            ring.Append(buffer.AsSpan(0, read.Count));
        }
    }

    private sealed class Ring(int capacity)
    {
        private readonly byte[] _bytes = new byte[capacity];
        private long _written;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (data.Length >= capacity)
            {
                data = data[^capacity..];
            }

            var start = (int)(_written % capacity);
            var first = Math.Min(data.Length, capacity - start);
            data[..first].CopyTo(_bytes.AsSpan(start));
            data[first..].CopyTo(_bytes);
            _written += data.Length;
        }

        public string Text()
        {
            if (_written <= capacity)
            {
                return Decode(_bytes.AsSpan(0, (int)_written));
            }

            var start = (int)(_written % capacity);
            return Decode([.. _bytes.AsSpan(start), .. _bytes.AsSpan(0, start)]);
        }

        // Cut in the middle of a character at the window's start: drop its continuation bytes.
        private static string Decode(ReadOnlySpan<byte> bytes)
        {
            var skip = 0;
            while (skip < bytes.Length && skip < 3 && (bytes[skip] & 0xC0) == 0x80)
            {
                skip++;
            }

            return Encoding.UTF8.GetString(bytes[skip..]);
        }
    }
}
