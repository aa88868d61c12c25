using System.Globalization;
using System.Text;
using CsvHelper;

namespace Course.Leaderboard.Scoring.Csv;

/// <summary>
/// Opens CSV files for scoring with CsvHelper's streaming UTF-8 reader, strictly: comma only,
/// malformed quoting and over-long lines rejected, line numbers tracked for every error, the file
/// size checked before the first byte is parsed. A UTF-8 BOM and CRLF line ends are accepted.
/// </summary>
internal static class StrictCsv
{
    public static CsvReader Open(string path, CsvLimits limits)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidFileException(name, 0, "file not found");
        }

        // Outputs of a container are collected without links (docs/SECURITY.md rule 4); refuse them here too.
        if (info.LinkTarget is not null)
        {
            throw new InvalidFileException(name, 0, "is a symbolic link, not a regular file");
        }

        if (info.Length > limits.MaxFileBytes)
        {
            throw new InvalidFileException(name, 0,
                $"file is {info.Length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0} bytes");
        }

        if (info.Length == 0)
        {
            throw new InvalidFileException(name, 1, "file is empty (a header line is required)");
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            DetectSeparatorHint = false,
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = limits.MaxLineBytes,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
        };
        var stream = new CappedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            limits.MaxFileBytes, name);
        return CsvReader.Create(stream, options, leaveOpen: false);
    }

    /// <summary>Reads the header, failing with the file's name when it is missing or malformed.</summary>
    public static IReadOnlyList<string> Header(CsvReader csv, string name)
    {
        try
        {
            var header = csv.Headers;
            if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                throw new InvalidFileException(name, 1, "the header line is missing");
            }

            return header.Select(h => h.Trim()).ToList();
        }
        catch (CsvFormatException error)
        {
            throw Malformed(name, error);
        }
    }

    /// <summary>Maps CsvHelper's error to one that names the file and line.</summary>
    public static InvalidFileException Malformed(string name, CsvFormatException error) =>
        new(name, error.LineNumber > 0 ? error.LineNumber : Math.Max(error.RecordNumber, 1), error.Message, error);

    /// <summary>The text of a field, for error messages (shortened: the value comes from a student).</summary>
    public static string Show(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8.Length > 40 ? utf8[..40] : utf8);
        return utf8.Length > 40 ? text + "..." : text;
    }

    public static bool TryNumber(ReadOnlySpan<byte> utf8, out double value) =>
        double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
