using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Web.Uploads;

namespace Course.Grader.Web.Instructor;

/// <summary>
/// A staff file (codes, billing report) sent over HTTP, kept for the length of one import in a fresh staging folder
/// only its owner may read (a file of codes is secret), under the name it was sent with: the importers read files by
/// path and name each bad line <c>file:line</c>, and the answer names the sent file, never the server's folder.
/// </summary>
internal sealed partial class StaffCsvUpload(GradingPaths paths)
{
    /// <summary>The most a staff file may hold: a few thousand codes or a term's billing lines.</summary>
    public const long MaxBytes = 8L << 20;

    public async Task<T> ImportAsync<T>(Stream content, string? sentName, Func<string, Task<T>> import, CancellationToken cancellation)
    {
        var folder = paths.Staging();
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var name = SafeName(sentName);
        var file = Path.Combine(folder, name);
        try
        {
            await using (var stored = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                await CopyAsync(content, stored, name, cancellation);
            }

            return await import(file);
        }
        catch (BadInputException error) when (error is not PayloadTooLargeException && error.Message.Contains(folder, StringComparison.Ordinal))
        {
            throw new BadInputException(error.Message.Replace(file, name, StringComparison.Ordinal), error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CopyAsync(Stream content, Stream stored, string name, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                throw new PayloadTooLargeException($"{name}: over {MaxBytes >> 20} MiB; split the file");
            }

            await stored.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
    }

    /// <summary>The sent file's own name when it is a plain one, else <c>upload.csv</c>.</summary>
    private static string SafeName(string? sent) =>
        Path.GetFileName(sent ?? "") is { Length: > 0 and <= 100 } name && PlainName().IsMatch(name) ? name : "upload.csv";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._ -]*$")]
    private static partial Regex PlainName();
}
