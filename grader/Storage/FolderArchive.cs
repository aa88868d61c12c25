using System.Formats.Tar;
using System.IO.Pipelines;

namespace Course.Grader.Storage;

/// <summary>
/// A folder kept in the store as one tar archive (a snapshot, a run's /out, a calibration): packed while it is
/// stored and unpacked while it is read, never held whole in memory or written as a second file.
/// </summary>
internal static class FolderArchive
{
    /// <summary>Stores the files under <paramref name="folder"/> (not the folder itself); returns the archive's key.</summary>
    public static async Task<string> PutFolderAsync(this IBlobStore store, string folder, CancellationToken cancellation)
    {
        var pipe = new Pipe();
        var packing = Task.Run(() => PackAsync(folder, pipe.Writer, cancellation), cancellation);
        var storing = StoreAsync(store, pipe.Reader, cancellation);
        await Task.WhenAll(packing, storing);
        return await storing;
    }

    /// <summary>Unpacks the archive <paramref name="key"/> into <paramref name="target"/>, which must not hold files yet.</summary>
    public static async Task MaterializeAsync(this IBlobStore store, string key, string target, CancellationToken cancellation)
    {
        await using var archive = await store.OpenAsync(key, cancellation)
            ?? throw new InvalidOperationException($"stored folder {key} is missing from the store");
        Directory.CreateDirectory(target);
        await TarFile.ExtractToDirectoryAsync(archive, target, overwriteFiles: false, cancellation);
    }

    private static async Task PackAsync(string folder, PipeWriter writer, CancellationToken cancellation)
    {
        try
        {
            await using (var output = writer.AsStream(leaveOpen: true))
            await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                // TarFile.CreateFromDirectory skips hidden files, and a submission's dot files (.course-image) count.
                var everything = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", everything))
                {
                    var name = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    await tar.WriteEntryAsync(entry.FullName, entry is DirectoryInfo ? name + "/" : name, cancellation);
                }
            }

            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e);
            throw;
        }
    }

    private static async Task<string> StoreAsync(IBlobStore store, PipeReader reader, CancellationToken cancellation)
    {
        try
        {
            await using var input = reader.AsStream(leaveOpen: true);
            return await store.PutAsync(input, cancellation);
        }
        finally
        {
            // A failed put must not leave the packer waiting on a full pipe.
            await reader.CompleteAsync();
        }
    }
}
