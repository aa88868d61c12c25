using Course.Grader.Tests.Support;
using Course.Leaderboard.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Composition;

/// <summary>
/// Uploads of one team at the same moment (a script in a loop, a double click) on both database
/// paths: exactly the daily limit is recorded, every other upload is refused by the limit, none
/// fails otherwise. On PostgreSQL the server is a real one from Debian.
/// </summary>
public sealed class DailyLimitRaceTests
{
    private const int Uploads = 8;
    private const int DailyLimit = 2;

    [Fact]
    public async Task ConcurrentUploads_OnSqlite_RecordExactlyTheLimit()
    {
        using var course = await CreateCourseAsync(connectionString: null);

        await AssertExactlyTheLimitAsync(course);
    }

    [Fact(Timeout = 300_000)]
    public async Task ConcurrentUploads_OnPostgreSql_RecordExactlyTheLimit()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        using var course = await CreateCourseAsync(postgres.ConnectionString);

        await AssertExactlyTheLimitAsync(course);
    }

    private static Task<TestCourse> CreateCourseAsync(string? connectionString) =>
        TestCourse.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero)), connectionString,
            competition: true, students: ["ana"]);

    private static async Task AssertExactlyTheLimitAsync(TestCourse course)
    {
        var file = Path.Combine(course.Directory, "predictions.csv");
        await File.WriteAllTextAsync(file, "id,label\n1,a\n2,b\n3,a\n4,b\n");
        await using var services = course.Services();
        using var start = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(0, Uploads).Select(i => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var leaderboard = scope.ServiceProvider.GetRequiredService<ILeaderboard>();
            await start.WaitAsync();
            try
            {
                await leaderboard.SubmitAsync(new SubmissionRequest(TestCourse.Competition, "ana", file, SubmissionSource.Upload, $"race-{i}"),
                    CancellationToken.None);
                return "recorded";
            }
            catch (DailyLimitException)
            {
                return "refused";
            }
        })).ToList();
        start.Release(Uploads);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(DailyLimit, outcomes.Count(o => o == "recorded"));
        Assert.Equal(Uploads - DailyLimit, outcomes.Count(o => o == "refused"));
        await using var check = services.CreateAsyncScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<ILeaderboard>().RemainingTodayAsync(TestCourse.Competition, "ana", default));
    }
}
