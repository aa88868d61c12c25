using System.Text;

namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// Reads a student-written metrics.jsonl strictly (see <see cref="MetricsLogLimits"/> and
/// <see cref="MetricsLineParser"/>): one flat object of numbers per line, "step" required and a
/// non-negative integer; "epoch", "loss", "accuracy", "val_loss", "val_accuracy" are read, other
/// numeric fields are allowed and ignored. A <see cref="TrainingDevice"/> may be named on any lines, the
/// same on each: a run trains on one device. Blank lines and a trailing CR are tolerated.
/// </summary>
public static class MetricsLogParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="MetricsLogException">The file breaks the format or a limit; the message names the line.</exception>
    public static MetricsLog Parse(string path, MetricsLogLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path), limits);
    }

    /// <param name="source">The name used in messages, e.g. "metrics.jsonl".</param>
    public static MetricsLog Parse(Stream stream, string source, MetricsLogLimits? limits = null)
    {
        limits ??= new MetricsLogLimits();
        var bytes = ReadCapped(stream, source, limits.MaxBytes);
        var points = new List<MetricsPoint>();
        (string Name, int Line)? device = null;
        var lineNumber = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var length = (end < 0 ? bytes.Length : end) - start;
            lineNumber++;
            var where = $"{source} line {lineNumber}";
            if (lineNumber > limits.MaxLines)
            {
                throw new MetricsLogException($"{source}: more than {limits.MaxLines:N0} lines");
            }

            if (length > limits.MaxLineBytes)
            {
                throw new MetricsLogException($"{where}: longer than {limits.MaxLineBytes:N0} bytes");
            }

            var line = Decode(bytes.AsSpan(start, length), where).TrimEnd('\r');
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Trim().Length > 0)
            {
                var parsed = new MetricsLineParser(line, where, limits).Parse();
                points.Add(ToPoint(parsed.Numbers, where));
                if (parsed.Device is { } named)
                {
                    device ??= (named, lineNumber);
                    if (named != device.Value.Name)
                    {
                        throw new MetricsLogException($"{where}: field '{TrainingDevice.Field}' is '{named}', but line {device.Value.Line} said '{device.Value.Name}': log the one device the run trained on");
                    }
                }
            }

            start += length + 1;
        }

        return new MetricsLog(source, points, device?.Name);
    }

    private static MetricsPoint ToPoint(Dictionary<string, double> fields, string where)
    {
        if (!fields.TryGetValue("step", out var step))
        {
            throw new MetricsLogException($"{where}: field 'step' is missing");
        }

        if (!double.IsFinite(step) || step < 0 || step != Math.Floor(step) || step > 1e15)
        {
            throw new MetricsLogException($"{where}: field 'step' must be a non-negative integer, found {step}");
        }

        double? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        return new MetricsPoint((long)step, Get("epoch"), Get("loss"), Get("accuracy"), Get("val_loss"), Get("val_accuracy"));
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string where)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MetricsLogException($"{where}: not valid UTF-8");
        }
    }

    private static byte[] ReadCapped(Stream stream, string source, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new MetricsLogException($"{source}: larger than {maxBytes:N0} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
