using System.Globalization;
using Course.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Course.Core.Settings;

/// <summary>
/// One configuration section read with typed parsing: a blank or missing value is the default, a value that does
/// not parse or lies outside its range is bad input naming its key (<c>Section:Key: 'text' is not ...</c>), never
/// silently the default.
/// </summary>
public sealed class SettingsSection
{
    private readonly IConfigurationSection _section;
    private readonly string _separator;

    /// <param name="separator">
    /// How messages join the section and the key: <c>:</c> (<c>Queue:LeaseSeconds</c>) or <c>__</c> where a module's
    /// messages name the environment variable (<c>Smtp__Port</c>).
    /// </param>
    public SettingsSection(IConfiguration configuration, string path, string separator = ":")
    {
        _section = configuration.GetSection(path);
        _separator = separator;
    }

    /// <summary>The key as messages name it.</summary>
    public string NameOf(string key) => $"{_section.Path}:{key}".Replace(":", _separator, StringComparison.Ordinal);

    /// <summary>The value as written, or null when it is missing or blank.</summary>
    public string? Text(string key) => string.IsNullOrWhiteSpace(_section[key]) ? null : _section[key];

    /// <summary>The parsed value, or <paramref name="fallback"/> when blank; <paramref name="expected"/> completes "is not ...".</summary>
    public T Read<T>(string key, T fallback, SettingParser<T> parse, string expected)
    {
        if (Text(key) is not { } text)
        {
            return fallback;
        }

        return parse(text.Trim(), out var value) ? value : throw Invalid(key, text, expected);
    }

    public int Integer(string key, int fallback, int min, int max) =>
        Read(key, fallback, (string text, out int value) =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max,
            string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}"));

    /// <summary>A number of seconds above 0 and at most <paramref name="max"/>.</summary>
    public TimeSpan Seconds(string key, TimeSpan fallback, TimeSpan max) =>
        Read(key, fallback, (string text, out TimeSpan value) =>
            {
                var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && seconds > 0 && seconds <= max.TotalSeconds;
                value = ok ? TimeSpan.FromSeconds(seconds) : default;
                return ok;
            },
            string.Create(CultureInfo.InvariantCulture, $"a number of seconds above 0 and at most {max.TotalSeconds:0.###}"));

    public bool Boolean(string key, bool fallback) => Read(key, fallback, bool.TryParse, "true or false");

    /// <summary>An absolute URI with one of <paramref name="schemes"/>; <paramref name="example"/> shows one in the message.</summary>
    public Uri? AbsoluteUri(string key, Uri? fallback, string example, params string[] schemes) =>
        Read(key, fallback, (string text, out Uri? value) =>
                Uri.TryCreate(text, UriKind.Absolute, out value) && schemes.Contains(value.Scheme, StringComparer.OrdinalIgnoreCase),
            $"an absolute {string.Join(" or ", schemes)} address like {example}");

    /// <summary>The error for a value of <paramref name="key"/> that is not what it should be.</summary>
    public BadInputException Invalid(string key, string text, string expected) => new($"{NameOf(key)}: '{text}' is not {expected}");
}
