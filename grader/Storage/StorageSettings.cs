using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Core.Settings;

namespace Course.Grader.Storage;

/// <summary>
/// Where the blob store keeps its files, from configuration section <c>Storage:S3</c> (environment
/// <c>Storage__S3__Bucket</c>, <c>Endpoint</c>, <c>Region</c>, <c>AccessKey</c>, <c>SecretKey</c>, <c>ForcePathStyle</c>):
/// with no bucket, the course database; with one, that bucket of Amazon S3 (its <c>Region</c>) or of the
/// S3-compatible server at <c>Endpoint</c>. Without an access key the SDK's own chain finds credentials
/// (<c>AWS_ACCESS_KEY_ID</c>, a profile, an instance role). Every value is checked when read.
/// </summary>
internal sealed partial record StorageSettings(Uri? Endpoint, string? Bucket, string? Region, string? AccessKey, string? SecretKey, bool ForcePathStyle)
{
    /// <summary>How messages name a key of the section: as the environment variable operators set.</summary>
    public const string Prefix = "Storage__S3__";

    /// <summary>Where the bucket is, for messages: the endpoint, or Amazon S3's region.</summary>
    public string Where => Endpoint?.ToString() ?? $"Amazon S3 ({Region})";

    public static StorageSettings From(IConfiguration configuration)
    {
        var s3 = new SettingsSection(configuration, "Storage:S3", "__");
        var settings = new StorageSettings(
            s3.AbsoluteUri("Endpoint", null, "https://s3.example.edu", "http", "https"),
            s3.Read<string?>("Bucket", null, (string text, out string? value) => (value = text) is { Length: >= 3 and <= 63 } && BucketName().IsMatch(text),
                "a bucket name (3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)"),
            s3.Read<string?>("Region", null, (string text, out string? value) => (value = text) is { Length: <= 64 } && RegionName().IsMatch(text),
                "a region name such as eu-central-1"),
            s3.Text("AccessKey"),
            s3.Text("SecretKey"),
            false);
        settings = settings with { ForcePathStyle = s3.Boolean("ForcePathStyle", settings.Endpoint is not null) };
        if (settings.Bucket is null)
        {
            var given = new[] { ("Endpoint", settings.Endpoint?.ToString()), ("Region", settings.Region), ("AccessKey", settings.AccessKey), ("SecretKey", settings.SecretKey) }
                .FirstOrDefault(setting => setting.Item2 is not null).Item1;
            return given is null ? settings : throw new BadInputException($"{s3.NameOf("Bucket")}: not set, but {s3.NameOf(given)} is: name the bucket the files go to");
        }

        if ((settings.AccessKey is null) != (settings.SecretKey is null))
        {
            var (missing, given) = settings.AccessKey is null ? ("AccessKey", "SecretKey") : ("SecretKey", "AccessKey");
            throw new BadInputException($"{s3.NameOf(missing)}: not set, but {s3.NameOf(given)} is");
        }

        return settings.Endpoint is null && settings.Region is null
            ? throw new BadInputException($"{s3.NameOf("Region")}: not set; name the bucket's region on Amazon S3, or set {s3.NameOf("Endpoint")} for an S3-compatible store")
            : settings;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex RegionName();
}
