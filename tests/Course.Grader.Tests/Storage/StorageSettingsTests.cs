using Course.Core.Errors;
using Course.Grader.Storage;
using Microsoft.Extensions.Configuration;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// The <c>Storage__S3__*</c> settings: none means the database; a bucket with an endpoint or a region means S3; a
/// half-given configuration (an endpoint or keys without a bucket, one key without the other, a bucket nowhere) or
/// a malformed value is bad input naming the variable, never silently the database.
/// </summary>
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("Endpoint=http://files.example:9000", "Storage__S3__Bucket: not set, but Storage__S3__Endpoint is")]
    [InlineData("AccessKey=AKIA1;SecretKey=s", "Storage__S3__Bucket: not set, but Storage__S3__AccessKey is")]
    [InlineData("Bucket=course;Endpoint=http://files.example:9000;AccessKey=AKIA1", "Storage__S3__SecretKey: not set, but Storage__S3__AccessKey is")]
    [InlineData("Bucket=course", "Storage__S3__Region: not set; name the bucket's region on Amazon S3, or set Storage__S3__Endpoint")]
    [InlineData("Bucket=Course_Files;Region=eu-central-1", "Storage__S3__Bucket: 'Course_Files' is not a bucket name")]
    [InlineData("Bucket=course;Endpoint=files.example:9000", "Storage__S3__Endpoint: 'files.example:9000' is not an absolute http or https address")]
    [InlineData("Bucket=course;Region=Frankfurt", "Storage__S3__Region: 'Frankfurt' is not a region name")]
    [InlineData("Bucket=course;Region=eu-central-1;ForcePathStyle=yes", "Storage__S3__ForcePathStyle: 'yes' is not true or false")]
    public void From_IncompleteOrMalformed_BadInputNamingTheVariable(string settings, string message)
    {
        var failure = Assert.Throws<BadInputException>(() => StorageSettings.From(Configuration(settings)));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Nothing_TheDatabase()
    {
        Assert.Null(StorageSettings.From(Configuration("")).Bucket);
    }

    [Theory]
    [InlineData("Bucket=course;Endpoint=http://files.example:9000", true)]
    [InlineData("Bucket=course;Endpoint=http://files.example:9000;ForcePathStyle=false", false)]
    [InlineData("Bucket=course.files;Region=eu-central-1", false)]
    public void From_Bucket_S3WithPathStyleForAnEndpoint(string settings, bool pathStyle)
    {
        var read = StorageSettings.From(Configuration(settings));

        Assert.Equal((read.Bucket is not null, pathStyle), (true, read.ForcePathStyle));
    }

    private static IConfiguration Configuration(string settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string?>($"Storage:S3:{pair[0]}", pair[1])))
        .Build();
}
