using System.Formats.Tar;
using System.Security.Cryptography;
using Course.Sandbox.Running;

namespace Course.Sandbox.Output;

/// <summary>
/// Reads the tar stream of <c>/out</c> from the stopped container and keeps the regular files
/// within the limits (docs/SECURITY.md rule 4). Links, FIFOs, devices, odd names and anything over a
/// limit are reported and skipped; nothing in the stream is ever followed or trusted.
/// </summary>
internal sealed class OutputCollector(OutputLimits limits, string? destination)
{
    /// <summary>At most this many rejections are listed one by one; the rest are counted in one line.</summary>
    public const int MaxListedRejections = 100;

    private readonly List<SandboxOutput> _outputs = [];
    private readonly List<SandboxRejection> _rejected = [];
    private int _unlisted;
    private long _totalBytes;

    public IReadOnlyList<SandboxOutput> Outputs => _outputs;

    public IReadOnlyList<SandboxRejection> Rejected => _unlisted == 0
        ? _rejected
        : [.. _rejected, new SandboxRejection("...", $"{_unlisted} more entries rejected")];

    /// <summary>Consumes the archive the engine returns for <c>/out</c> (entries named "out/...").</summary>
    public async Task CollectAsync(Stream archive, CancellationToken cancellation)
    {
        if (destination is not null)
        {
            // Checked empty before the run (JobValidator), so nothing here predates the job.
            Directory.CreateDirectory(destination);
        }

        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellation) is { } entry)
        {
            var name = OutputName.Relative(entry.Name);
            if (name is null)
            {
                continue; // the /out folder itself
            }

            if (OutputName.Problem(name) is { } problem)
            {
                Reject(name, problem);
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    await AcceptFileAsync(name, entry, cancellation);
                    break;
                case TarEntryType.SymbolicLink:
                    Reject(name, $"symbolic link to '{entry.LinkName}' (not followed)");
                    break;
                case TarEntryType.HardLink:
                    Reject(name, $"hard link to '{entry.LinkName}'");
                    break;
                case TarEntryType.Fifo:
                    Reject(name, "FIFO (named pipe)");
                    break;
                case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                    Reject(name, "device file");
                    break;
                default:
                    Reject(name, $"unsupported entry type {entry.EntryType}");
                    break;
            }
        }
    }

    private async Task AcceptFileAsync(string name, TarEntry entry, CancellationToken cancellation)
    {
        if (_outputs.Count >= limits.MaxFiles)
        {
            Reject(name, $"over the limit of {limits.MaxFiles} files");
            return;
        }

        if (entry.Length > limits.MaxFileBytes)
        {
            Reject(name, $"{entry.Length} bytes, over the limit of {limits.MaxFileBytes} bytes per file");
            return;
        }

        if (_totalBytes + entry.Length > limits.MaxTotalBytes)
        {
            Reject(name, $"over the limit of {limits.MaxTotalBytes} bytes in total");
            return;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var target = OpenTarget(name))
        {
            if (target is null)
            {
                Reject(name, "duplicate name");
                return;
            }

            if (entry.DataStream is { } data)
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await data.ReadAsync(buffer, cancellation)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
                }
            }
        }

        _totalBytes += entry.Length;
        _outputs.Add(new SandboxOutput(name, entry.Length, Convert.ToHexStringLower(hash.GetHashAndReset())));
    }

    /// <summary>The file to write, or null when the name was already used; Stream.Null when outputs are only listed.</summary>
    private Stream? OpenTarget(string name)
    {
        if (destination is null)
        {
            return _outputs.Any(output => output.Path == name) ? null : Stream.Null;
        }

        // Names were checked (no "..", no absolute, no control characters) and every folder on
        // the way was created here by us, so this path stays inside the destination.
        var path = Path.Combine(destination, name.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            return null;
        }
    }

    private void Reject(string name, string reason)
    {
        if (_rejected.Count < MaxListedRejections)
        {
            _rejected.Add(new SandboxRejection(name, reason));
        }
        else
        {
            _unlisted++;
        }
    }
}
