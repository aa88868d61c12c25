namespace Course.Grader.Intake.Archives;

/// <summary>
/// Writes the entries of one extraction into its destination, enforcing the caps and keeping the
/// report. Names are compared case-insensitively so the tree is the same on every file system.
/// </summary>
internal sealed class ExtractionSink(string root, ExtractionLimits limits, bool stripTopFolder)
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ExecutableMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly Dictionary<string, (string Spelling, bool IsFile)> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ExtractedFile> _files = [];
    private readonly List<RejectedEntry> _rejected = [];
    private string? _topFolder;
    private long _totalBytes;
    private int _entries;

    public ExtractionReport Report(string? aborted) => new(_files.ToList(), _rejected.ToList(), aborted);

    /// <summary>Counts an entry and checks its name; returns the relative path, or null when it was rejected or skipped.</summary>
    public string? Accept(string rawName)
    {
        if (++_entries > limits.MaxEntries)
        {
            throw new ExtractionAbortedException($"more than {limits.MaxEntries:N0} entries");
        }

        var name = EntryName.Check(rawName, stripTopFolder, limits.MaxPathBytes);
        if (name.Reason is not null)
        {
            Reject(rawName, name.Reason);
            return null;
        }

        if (stripTopFolder && name.TopFolder is not null)
        {
            _topFolder ??= name.TopFolder;
            if (!string.Equals(_topFolder, name.TopFolder, StringComparison.Ordinal))
            {
                Reject(rawName, $"outside the archive's top folder '{EntryName.Printable(_topFolder)}/'");
                return null;
            }
        }

        return name.Path;
    }

    public void Reject(string rawName, string reason) => _rejected.Add(new(EntryName.Printable(rawName), reason));

    public void AddDirectory(string rawName, string path)
    {
        var conflict = FindConflict(path, isFile: false);
        if (conflict is not null)
        {
            Reject(rawName, conflict);
            return;
        }

        Directory.CreateDirectory(FullPath(path));
        Remember(path, isFile: false);
    }

    /// <summary>Copies <paramref name="data"/> into the file <paramref name="path"/>, counting the bytes as they come.</summary>
    public async Task AddFileAsync(string rawName, string path, Stream data, bool executable, CancellationToken cancellation)
    {
        var conflict = FindConflict(path, isFile: true);
        if (conflict is not null)
        {
            Reject(rawName, conflict);
            return;
        }

        if (_files.Count >= limits.MaxFiles)
        {
            throw new ExtractionAbortedException($"more than {limits.MaxFiles:N0} files");
        }

        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Remember(path, isFile: true);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = executable ? ExecutableMode : FileMode;
        }

        long written = 0;
        await using (var output = new FileStream(full, options))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await data.ReadAsync(buffer, cancellation)) > 0)
            {
                written += read;
                _totalBytes += read;
                if (written > limits.MaxFileBytes || _totalBytes > limits.MaxTotalBytes)
                {
                    await output.DisposeAsync();
                    File.Delete(full);
                    throw new ExtractionAbortedException(written > limits.MaxFileBytes
                        ? $"'{EntryName.Printable(path)}' is larger than the per-file cap of {limits.MaxFileBytes:N0} bytes"
                        : $"the files are larger than the total cap of {limits.MaxTotalBytes:N0} bytes");
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellation);
            }
        }

        _files.Add(new(path, written));
    }

    /// <summary>Fails early when a header already announces more than a cap allows (the real bytes are counted anyway).</summary>
    public void CheckAnnouncedSize(string path, long bytes)
    {
        if (bytes > limits.MaxFileBytes)
        {
            throw new ExtractionAbortedException(
                $"'{EntryName.Printable(path)}' is larger than the per-file cap of {limits.MaxFileBytes:N0} bytes ({bytes:N0} announced)");
        }
    }

    private string? FindConflict(string path, bool isFile)
    {
        var segments = path.Split('/');
        for (var i = 1; i <= segments.Length; i++)
        {
            var prefix = string.Join('/', segments.Take(i));
            if (!_names.TryGetValue(prefix, out var known))
            {
                continue;
            }

            var last = i == segments.Length;
            if (!string.Equals(known.Spelling, prefix, StringComparison.Ordinal))
            {
                return $"differs only in letter case from '{EntryName.Printable(known.Spelling)}'";
            }

            if (known.IsFile && !last)
            {
                return $"its folder '{prefix}' is a file";
            }

            if (last && (isFile || known.IsFile))
            {
                return known.IsFile == isFile ? "appears twice in the archive" : $"'{prefix}' is both a file and a folder";
            }
        }

        return null;
    }

    private void Remember(string path, bool isFile)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            _names.TryAdd(string.Join('/', segments.Take(i)), (string.Join('/', segments.Take(i)), false));
        }

        _names[path] = (path, isFile);
    }

    private string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));

        // EntryName already refused '..' and absolute names; this guards against a mistake there.
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"'{EntryName.Printable(path)}' resolves outside {root}");
    }
}
