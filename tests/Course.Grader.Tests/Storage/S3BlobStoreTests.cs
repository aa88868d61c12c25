using System.Security.Cryptography;
using System.Text.Json;
using Course.Core.Errors;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// The blob store in a bucket of a real S3-compatible server (s3rver): it reads a blob as the server sends it,
/// never writes a key twice, tells a wrong key, bucket or endpoint from a missing blob naming the setting to fix,
/// and a whole grading run keeps its files there and none in the database. (s3rver checks the access key but not
/// SigV4 signatures, so a wrong secret cannot be shown against it.)
/// </summary>
public sealed class S3BlobStoreTests
{
    [Fact(Timeout = 120_000)]
    public async Task OpenAsync_ServerStopsMidRead_ReadFailsInsteadOfEndingShort()
    {
        await using var bed = await BlobStoreBed.StartAsync(BlobPlace.S3);
        var content = RandomNumberGenerator.GetBytes(S3BlobStore.PartBytes * 4);
        var key = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        await using var read = await bed.Store.OpenAsync(key, CancellationToken.None);
        var start = new byte[64 * 1024];
        await read!.ReadExactlyAsync(start);

        await bed.S3!.StopAsync();

        // Had the blob been fetched whole when opened, the rest would still come; a stream reads what the server sends.
        await Assert.ThrowsAnyAsync<IOException>(() => read.CopyToAsync(Stream.Null));
        Assert.Equal(content.Length, read.Length);
        Assert.Equal(content.AsSpan(0, start.Length).ToArray(), start);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1000)]
    [InlineData(S3BlobStore.PartBytes + 1000)]
    public async Task PutAsync_KeyAlreadyStored_ObjectLeftAsItWasAndNoUploadLeft(int length)
    {
        await using var bed = await BlobStoreBed.StartAsync(BlobPlace.S3);
        var content = RandomNumberGenerator.GetBytes(length);
        var key = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var stored = Path.Combine(bed.S3!.Folder, S3Server.Bucket, "blobs", $"{key}._S3rver_object");
        var written = File.GetLastWriteTimeUtc(stored);
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        var again = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);

        Assert.Equal(key, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(stored));
        Assert.Equal([$"blobs/{key}"], bed.S3.Objects().Keys);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("Storage:S3:AccessKey", "NOBODY", "refused the credentials (Storage__S3__AccessKey, Storage__S3__SecretKey) for bucket 'course-files': InvalidAccessKeyId")]
    [InlineData("Storage:S3:Bucket", "no-such-bucket", "has no bucket 'no-such-bucket' (Storage__S3__Bucket)")]
    public async Task Store_WrongKeyOrBucket_EveryOperationFailsNamingTheSetting(string setting, string value, string message)
    {
        await using var s3 = await S3Server.StartAsync();
        using var course = await TestCourse.CreateAsync();
        s3.Serve(course);
        await using (var services = course.Services())
        {
            var key = await services.GetRequiredService<IBlobStore>().PutTextAsync("kept", CancellationToken.None);
            course.Settings[setting] = value;
            await using var wrong = course.Services();
            var store = wrong.GetRequiredService<IBlobStore>();

            // A refused request must not read as "no such blob": that would lose the file for its reader.
            var failures = new[]
            {
                await Assert.ThrowsAsync<WorkFailedException>(() => store.PutTextAsync("new", CancellationToken.None)),
                await Assert.ThrowsAsync<WorkFailedException>(() => store.PutAsync(new MemoryStream(new byte[S3BlobStore.PartBytes + 1]), CancellationToken.None)),
                await Assert.ThrowsAsync<WorkFailedException>(() => store.OpenAsync(key, CancellationToken.None)),
                await Assert.ThrowsAsync<WorkFailedException>(() => store.ExistsAsync(key, CancellationToken.None)),
            };

            Assert.All(failures, failure => Assert.Contains($"the S3 store at {s3.Endpoint} {message}", failure.Message, StringComparison.Ordinal));
        }

        Assert.Single(s3.Objects());
    }

    [Fact(Timeout = 120_000)]
    public async Task PutAsync_NothingListensAtTheEndpoint_FailsNamingIt()
    {
        await using var s3 = await S3Server.StartAsync();
        using var course = await TestCourse.CreateAsync();
        s3.Serve(course);
        await s3.StopAsync();
        await using var services = course.Services();

        var failure = await Assert.ThrowsAsync<WorkFailedException>(() =>
            services.GetRequiredService<IBlobStore>().PutTextAsync("kept", CancellationToken.None));

        Assert.StartsWith($"the S3 store at {s3.Endpoint} cannot be reached (Storage__S3__Endpoint, Storage__S3__Region)", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task DbMigrate_CourseMovesToS3_CopiesTheDatabaseBlobsThenGradingKeepsEveryFileInTheBucket()
    {
        await using var s3 = await S3Server.StartAsync();
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        var calibration = await course.QueryAsync(db => db.Calibrations.Select(c => c.ArchiveKey).SingleAsync());
        var blobs = await course.CountAsync<StoredBlob>();
        s3.Serve(course);
        course.UseFastQueue();

        var migrate = await course.RunAsync("db", "migrate");
        var again = await course.RunAsync("db", "migrate");

        Assert.True(migrate.Exit == 0, migrate.Error);
        Assert.Contains($"files: copied {blobs} blobs from the course database into the S3 bucket", migrate.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("copied", again.Out, StringComparison.Ordinal);
        Assert.Contains($"blobs/{calibration}", s3.Objects().Keys);
        var before = await course.CountAsync<StoredBlob>();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "echo training; echo '{\"sum\": 42.0004, \"items\": [1, 2, 3]}' > /out/result.json\n",
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal(("graded", 2.0), (row.GetProperty("verdict").GetString(), row.GetProperty("score").GetDouble()));
        var feedback = row.GetProperty("feedback").GetString();
        Assert.Contains("**2 / 2**", await course.StoredTextAsync(feedback));
        var (snapshot, outputs) = await course.QueryAsync(async db => (
            await db.Submissions.Select(s => s.SnapshotKey).SingleAsync(),
            await db.Results.Select(r => r.OutputsKey).SingleAsync()));
        var objects = s3.Objects();
        Assert.Contains($"blobs/{feedback}", objects.Keys);
        Assert.Contains($"blobs/{snapshot}", objects.Keys);
        Assert.Contains($"blobs/{outputs}", objects.Keys);
        Assert.DoesNotContain(objects.Keys, k => k.StartsWith("incoming/", StringComparison.Ordinal));
        Assert.Equal(before, await course.CountAsync<StoredBlob>());
    }
}
