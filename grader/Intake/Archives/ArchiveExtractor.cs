using System.Formats.Tar;
using System.IO.Compression;
using Course.Core.Errors;

namespace Course.Grader.Intake.Archives;

/// <summary>
/// Extracts a submission archive (docs/SECURITY.md rule 5): only regular files and folders are
/// written; links, devices, FIFOs, '..', absolute and odd names are refused and reported; file
/// count and sizes are capped by the bytes actually decompressed.
/// </summary>
internal static class ArchiveExtractor
{
    /// <summary>
    /// Extracts <paramref name="archive"/> into <paramref name="destination"/>, which must not exist
    /// or be empty. With <paramref name="stripTopFolder"/> the one top folder of a GitHub tarball
    /// (<c>owner-repo-sha/</c>) is removed from every path.
    /// </summary>
    public static async Task<ExtractionReport> ExtractAsync(Stream archive, ArchiveFormat format, string destination,
        bool stripTopFolder, ExtractionLimits? limits = null, CancellationToken cancellation = default)
    {
        var root = PrepareDestination(destination);
        var sink = new ExtractionSink(root, limits ?? ExtractionLimits.Submission, stripTopFolder);
        try
        {
            if (format == ArchiveFormat.TarGz)
            {
                await ExtractTarGzAsync(archive, sink, cancellation);
            }
            else
            {
                await ExtractZipAsync(archive, sink, cancellation);
            }

            return sink.Report(null);
        }
        catch (ExtractionAbortedException aborted)
        {
            return sink.Report(aborted.Message);
        }
        catch (Exception corrupt) when (corrupt is InvalidDataException or EndOfStreamException or FormatException)
        {
            return sink.Report($"the archive is corrupt: {corrupt.Message}");
        }
    }

    /// <summary>Extracts the archive file at <paramref name="path"/>; see <see cref="ExtractAsync(Stream, ArchiveFormat, string, bool, ExtractionLimits?, CancellationToken)"/>.</summary>
    public static async Task<ExtractionReport> ExtractFileAsync(string path, ArchiveFormat format, string destination,
        bool stripTopFolder, ExtractionLimits? limits = null, CancellationToken cancellation = default)
    {
        await using var stream = File.OpenRead(path);
        return await ExtractAsync(stream, format, destination, stripTopFolder, limits, cancellation);
    }

    private static string PrepareDestination(string destination)
    {
        var root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new BadInputException($"{root}: extraction needs a new or empty folder");
        }

        Directory.CreateDirectory(root);
        return root;
    }

    private static async Task ExtractTarGzAsync(Stream archive, ExtractionSink sink, CancellationToken cancellation)
    {
        await using var gzip = new GZipStream(archive, CompressionMode.Decompress, leaveOpen: true);
        await using var tar = new TarReader(gzip, leaveOpen: true);
        while (await tar.GetNextEntryAsync(copyData: false, cancellation) is { } entry)
        {
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
            {
                continue; // GitHub's pax_global_header: the commit id as a comment, not a file.
            }

            var path = sink.Accept(entry.Name);
            if (path is null)
            {
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    sink.CheckAnnouncedSize(path, entry.Length);
                    await sink.AddFileAsync(entry.Name, path, entry.DataStream ?? Stream.Null,
                        entry.Mode.HasFlag(UnixFileMode.UserExecute), cancellation);
                    break;
                case TarEntryType.Directory:
                    sink.AddDirectory(entry.Name, path);
                    break;
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    sink.Reject(entry.Name, $"{(entry.EntryType == TarEntryType.SymbolicLink ? "symbolic" : "hard")} link to '{EntryName.Printable(entry.LinkName)}' (links are never extracted)");
                    break;
                case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                    sink.Reject(entry.Name, $"{entry.EntryType} entries are never extracted");
                    break;
                default:
                    sink.Reject(entry.Name, $"unsupported tar entry type {entry.EntryType}");
                    break;
            }
        }
    }

    private static async Task ExtractZipAsync(Stream archive, ExtractionSink sink, CancellationToken cancellation)
    {
        // A zip's directory is at its end, so a stream that cannot seek is spooled first.
        Stream seekable = archive;
        if (!archive.CanSeek)
        {
            seekable = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                81920, FileOptions.DeleteOnClose);
            await archive.CopyToAsync(seekable, cancellation);
            seekable.Position = 0;
        }

        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                var path = sink.Accept(entry.FullName);
                if (path is null)
                {
                    continue;
                }

                // The high 16 bits of the external attributes hold the Unix mode of archives made on Unix.
                var type = (entry.ExternalAttributes >> 16) & 0xF000;
                if (type == 0xA000)
                {
                    sink.Reject(entry.FullName, "symbolic link (links are never extracted)");
                }
                else if (type is 0x1000 or 0x2000 or 0x6000 or 0xC000)
                {
                    sink.Reject(entry.FullName, "device, FIFO or socket entries are never extracted");
                }
                else if (entry.FullName.EndsWith('/') || type == 0x4000)
                {
                    sink.AddDirectory(entry.FullName, path);
                }
                else
                {
                    sink.CheckAnnouncedSize(path, entry.Length);
                    await using var data = entry.Open();
                    await sink.AddFileAsync(entry.FullName, path, data, ((entry.ExternalAttributes >> 16) & 0x40) != 0, cancellation);
                }
            }
        }
        finally
        {
            if (!ReferenceEquals(seekable, archive))
            {
                await seekable.DisposeAsync();
            }
        }
    }
}
