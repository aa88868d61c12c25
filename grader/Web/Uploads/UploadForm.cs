using System.Text;
using Course.Core.Errors;
using Course.Grader.Intake.Archives;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// The upload page's multipart form read as a stream, never through <c>ReadFormAsync</c> (which
/// would buffer every file part to disk before anyone could refuse them): the fields up to the one
/// file part, that part's body to be copied with its cap, then a check that nothing follows. The
/// form's limits (<see cref="FormOptions"/>: parts, field length, headers) are counted as it is read.
/// </summary>
internal sealed class UploadForm
{
    private readonly MultipartReader _reader;
    private readonly MultipartSection? _file;

    private UploadForm(MultipartReader reader, IFormCollection fields, MultipartSection? file, string? fileName)
    {
        _reader = reader;
        Fields = fields;
        _file = file;
        FileName = fileName;
    }

    /// <summary>The form fields sent before the file (the antiforgery token, the team).</summary>
    public IFormCollection Fields { get; }

    /// <summary>The file's name as the browser sent it, empty when no file was chosen; null when the form has no file part.</summary>
    public string? FileName { get; }

    /// <summary>The file part's content, read once; only after <see cref="ReadUntilFileAsync"/> found it.</summary>
    public Stream File => _file?.Body ?? throw new InvalidOperationException("the form has no file part");

    /// <summary>Reads the fields up to the file part named <paramref name="fileField"/> (not its content).</summary>
    public static async Task<UploadForm> ReadUntilFileAsync(HttpRequest request, string fileField, FormOptions limits,
        CancellationToken cancellation)
    {
        var reader = new MultipartReader(Boundary(request, limits), request.Body)
        {
            HeadersCountLimit = limits.MultipartHeadersCountLimit,
            HeadersLengthLimit = limits.MultipartHeadersLengthLimit,
        };
        var fields = new KeyValueAccumulator();
        var parts = 0;
        while (await NextAsync(reader, cancellation) is { } section)
        {
            parts++;
            if (parts > limits.ValueCountLimit)
            {
                throw new BadInputException($"upload form: more than {limits.ValueCountLimit} parts (it takes a few fields and one predictions file)");
            }

            var disposition = section.GetContentDispositionHeader()
                ?? throw new BadInputException($"upload form: part {parts} has no Content-Disposition header");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition())
            {
                return name == fileField
                    ? new UploadForm(reader, new FormCollection(fields.GetResults()), section,
                        HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).ToString())
                    : throw new BadInputException($"upload form: part {parts} is a file named '{name}'; the form takes one file, '{fileField}'");
            }

            fields.Append(name, await FieldAsync(section, name, limits.ValueLengthLimit, cancellation));
        }

        return new UploadForm(reader, new FormCollection(fields.GetResults()), file: null, fileName: null);
    }

    /// <summary>Refuses a form that goes on after its file: one predictions file per upload.</summary>
    public async Task EnsureEndAsync(CancellationToken cancellation)
    {
        if (await NextAsync(_reader, cancellation) is { } next)
        {
            var name = next.GetContentDispositionHeader() is { } disposition ? HeaderUtilities.RemoveQuotes(disposition.Name).ToString() : "";
            throw new BadInputException($"upload form: one predictions file per upload, but a part named '{name}' follows it");
        }
    }

    private static string Boundary(HttpRequest request, FormOptions limits)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadInputException("upload form: the body must be multipart/form-data");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        return boundary.Length > 0 && boundary.Length <= limits.MultipartBoundaryLengthLimit
            ? boundary
            : throw new BadInputException($"upload form: the multipart boundary is missing or longer than {limits.MultipartBoundaryLengthLimit} characters");
    }

    private static async Task<MultipartSection?> NextAsync(MultipartReader reader, CancellationToken cancellation)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellation);
        }
        catch (InvalidDataException malformed)
        {
            throw new BadInputException($"upload form: {malformed.Message}", malformed);
        }
        catch (IOException cut) when (!cancellation.IsCancellationRequested)
        {
            throw new BadInputException("upload form: the body ended before the form did", cut);
        }
    }

    private static async Task<string> FieldAsync(MultipartSection section, string name, int limit, CancellationToken cancellation)
    {
        using var value = new MemoryStream();
        await CappedCopy.CopyAsync(section.Body, value, limit,
            () => new BadInputException($"upload form: field '{name}' is longer than {limit} bytes"), cancellation);
        return Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length);
    }
}
