using Course.Core.Errors;
using CsvHelper;

namespace Course.Core.Csv;

/// <summary>
/// Reads a small staff-written CSV strictly: a header line, every line as wide as the header, the file and
/// line number in every error. The caller judges the header, once and before any line, so a file with a
/// wrong header fails on the header even when its lines are broken too.
/// </summary>
public static class StaffCsvFile
{
    /// <summary>
    /// Reads <paramref name="path"/>; <paramref name="readHeader"/> gets the header's names as written (empty for an
    /// empty file) and throws <see cref="BadInputException"/> when it is not the one expected.
    /// </summary>
    public static CsvTable<THeader> Read<THeader>(string path, Func<IReadOnlyList<string>, THeader> readHeader)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"{path}: file not found");
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MaxRecordSize = 64 * 1024,
        };
        using var csv = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        var lines = new List<CsvLine>();
        var header = default(THeader);
        var width = 0;
        var headerRead = false;
        try
        {
            while (csv.Read())
            {
                if (!headerRead)
                {
                    width = csv.Headers?.Count ?? 0;
                    header = readHeader(csv.Headers ?? []);
                    headerRead = true;
                }

                var line = checked((int)csv.LineNumber);
                if (csv.FieldCount != width)
                {
                    throw new BadInputException($"{path}:{line}: {csv.FieldCount} fields, the header has {width}");
                }

                lines.Add(new CsvLine(line, [.. Enumerable.Range(0, width).Select(i => csv.GetString(i).Trim())]));
            }
        }
        catch (CsvFormatException error)
        {
            throw new BadInputException($"{path}:{csv.LineNumber}: {error.Message}", error);
        }

        return new CsvTable<THeader>(headerRead ? header! : readHeader(csv.Headers ?? []), lines);
    }
}
