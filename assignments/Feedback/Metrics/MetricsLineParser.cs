using System.Globalization;

namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// Parses one metrics line: a flat JSON object whose values are numbers. Besides JSON numbers it
/// accepts the bare tokens NaN, Infinity and -Infinity that Python's json module writes, because a
/// diverged run must be reported, not rejected. The one string allowed is the <see cref="TrainingDevice"/>
/// field. Other strings, booleans, null, nested objects, arrays, escapes and duplicate names are errors.
/// Nothing is deserialized into objects.
/// </summary>
internal sealed class MetricsLineParser(string line, string where, MetricsLogLimits limits)
{
    private int position;

    public MetricsLine Parse()
    {
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        string? device = null;
        SkipSpace();
        Expect('{');
        SkipSpace();
        if (Peek() == '}')
        {
            position++;
        }
        else
        {
            while (true)
            {
                SkipSpace();
                var name = ReadName();
                SkipSpace();
                Expect(':');
                SkipSpace();
                if (name == TrainingDevice.Field)
                {
                    device = device is null ? ReadDevice() : throw Error($"field '{name}' appears twice");
                }
                else if (!fields.TryAdd(name, ReadNumber(name)))
                {
                    throw Error($"field '{name}' appears twice");
                }

                if (fields.Count + (device is null ? 0 : 1) > limits.MaxFields)
                {
                    throw Error($"more than {limits.MaxFields} fields");
                }

                SkipSpace();
                var next = Next();
                if (next == '}')
                {
                    break;
                }

                if (next != ',')
                {
                    throw Error($"expected ',' or '}}' at column {position}");
                }
            }
        }

        SkipSpace();
        if (position != line.Length)
        {
            throw Error($"unexpected text after the object at column {position + 1}");
        }

        return new MetricsLine(fields, device);
    }

    private string ReadDevice()
    {
        MetricsLogException Refused() => Error($"field '{TrainingDevice.Field}' must be one of {TrainingDevice.Accepted}");
        if (Peek() != '"')
        {
            throw Refused();
        }

        position++;
        var start = position;
        while (Peek() is { } c && c != '"')
        {
            if (c == '\\' || char.IsControl(c) || position - start >= TrainingDevice.MaxLength)
            {
                throw Refused();
            }

            position++;
        }

        var device = line[start..position];
        Expect('"');
        return TrainingDevice.IsValid(device) ? device : throw Error($"field '{TrainingDevice.Field}' must be one of {TrainingDevice.Accepted}, found '{device}'");
    }

    private string ReadName()
    {
        Expect('"');
        var start = position;
        while (Peek() is { } c && c != '"')
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw Error("field names must be plain text (no escapes or control characters)");
            }

            position++;
        }

        var name = line[start..position];
        Expect('"');
        if (name.Length is 0 || name.Length > limits.MaxNameLength)
        {
            throw Error($"a field name must have 1 to {limits.MaxNameLength} characters");
        }

        return name;
    }

    private double ReadNumber(string name)
    {
        var start = position;
        while (Peek() is { } c && (char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '.'))
        {
            position++;
        }

        var token = line[start..position];
        switch (token)
        {
            case "NaN":
                return double.NaN;
            case "Infinity":
                return double.PositiveInfinity;
            case "-Infinity":
                return double.NegativeInfinity;
        }

        if (IsJsonNumber(token) && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var shown = token.Length > 0 ? $"'{token}'" : Peek() is { } c2 ? $"'{c2}'" : "nothing";
        throw Error($"field '{name}': expected a number, found {shown}");
    }

    /// <summary>JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?; rejects "1.", ".5", "0x1", "+1".</summary>
    private static bool IsJsonNumber(string token)
    {
        var i = 0;
        if (i < token.Length && token[i] == '-')
        {
            i++;
        }

        if (i >= token.Length || !char.IsAsciiDigit(token[i]) || (token[i] == '0' && i + 1 < token.Length && char.IsAsciiDigit(token[i + 1])))
        {
            return false;
        }

        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        if (i < token.Length && token[i] == '.')
        {
            i++;
            if (!Digits(token, ref i))
            {
                return false;
            }
        }

        if (i < token.Length && token[i] is 'e' or 'E')
        {
            i++;
            if (i < token.Length && token[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits(token, ref i))
            {
                return false;
            }
        }

        return i == token.Length;
    }

    private static bool Digits(string token, ref int i)
    {
        var start = i;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        return i > start;
    }

    private void SkipSpace()
    {
        while (Peek() is ' ' or '\t')
        {
            position++;
        }
    }

    private char? Peek() => position < line.Length ? line[position] : null;

    private char? Next() => position < line.Length ? line[position++] : null;

    private void Expect(char expected)
    {
        if (Next() != expected)
        {
            throw Error($"expected '{expected}' at column {position}");
        }
    }

    private MetricsLogException Error(string message) => new($"{where}: {message}");
}
