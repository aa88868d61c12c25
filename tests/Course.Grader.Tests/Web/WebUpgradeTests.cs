using System.Net;
using System.Net.Http.Json;
using Course.Grader.Intake;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// A course's database from before the commit-status table, and from before tokens expired:
/// <c>grader db migrate</c> adds what is new and keeps what was stored, tokens signing in included.
/// </summary>
public sealed class WebUpgradeTests
{
    private const string BeforeStatuses = "20261123213256_Initial";

    private const string BeforeTokenExpiry = "20261124044410_GitHubStatuses";

    [Fact]
    public async Task DbMigrate_FromTheFirstWebSchema_KeepsPushesAndTokensAndAddsTheStatusTable()
    {
        using var course = await TestCourse.CreateAsync();
        var push = Guid.NewGuid();
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            await db.Database.GetService<IMigrator>().MigrateAsync(BeforeStatuses);
            // As the first schema stored it: the current model has columns that schema lacks.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO web_github_pushes (Id, DeliveryId, Repository, DefaultBranch, "Commit", ReceivedAt, State, Message, Attempts)
                VALUES ({push.ToString()}, 'd-1', 'test-org/hw1-gh-ana', 'main', '6113728f27ae82c7b1a177c8d03f9e96e0adf246', 0, 'Recorded', NULL, 1)
                """);
            await db.SaveChangesAsync();
            await StoreTokenOfTheFirstSchemaAsync(db, "hash-of-a-token", "ana");
        }

        var (exit, output, error) = await course.RunAsync("db", "migrate");

        Assert.True(exit == 0, error);
        Assert.Contains("web", output, StringComparison.Ordinal);
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            Assert.Equal(("test-org/hw1-gh-ana", PushState.Recorded, (string?)null),
                await db.Pushes.Where(p => p.Id == push).Select(p => ValueTuple.Create(p.Repository, p.State, p.Pusher)).SingleAsync());
            Assert.Equal("ana", await db.Tokens.Where(t => t.Hash == "hash-of-a-token").Select(t => t.Login).SingleAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            db.Statuses.Add(new StatusDelivery
            {
                Id = Guid.NewGuid(), Repository = "test-org/hw1-gh-ana", Commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
                Context = "course/hw1", State = CommitState.Success, Description = "7/10 points", CreatedAt = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.Statuses.CountAsync());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DbMigrate_TokensFromBeforeExpiry_KeepSigningInForTheDefaultLifetimeFromTheUpgrade(bool postgres)
    {
        await using var cluster = postgres ? await PostgresCluster.StartAsync() : null;
        using var course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString, students: ["ana"]);
        var (ana, prof) = (TokenHasher.NewToken(), TokenHasher.NewToken());
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            await db.Database.GetService<IMigrator>().MigrateAsync(BeforeTokenExpiry);
            await StoreTokenOfTheFirstSchemaAsync(db, TokenHasher.Hash(ana), "ana");
            await StoreTokenOfTheFirstSchemaAsync(db, TokenHasher.Hash(prof), "prof");
        }

        var upgradeStarted = TimeProvider.System.GetUtcNow();
        var (exit, _, error) = await course.RunAsync("db", "migrate");
        var upgradeEnded = TimeProvider.System.GetUtcNow();

        Assert.True(exit == 0, error);
        List<ApiToken> stored;
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            stored = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Tokens.AsNoTracking().OrderBy(t => t.Login).ToListAsync();
        }

        Assert.Equal(["ana", "prof"], stored.Select(t => t.Login));
        Assert.All(stored, t => Assert.Matches("^[0-9a-f]{12}$", t.Id));
        Assert.NotEqual(stored[0].Id, stored[1].Id);
        // The database clock counts whole seconds.
        Assert.All(stored, t => Assert.InRange(t.ExpiresAt, upgradeStarted.AddDays(90).AddSeconds(-1), upgradeEnded.AddDays(90)));
        var clock = new FakeTimeProvider(upgradeEnded);
        await using var bed = await WebTestBed.StartAsync(clock, Task.FromResult(course));
        bed.UseToken(ana);
        var me = await bed.Client.GetFromJsonAsync<Dictionary<string, string>>("/api/me");
        clock.SetUtcNow(stored[0].ExpiresAt);
        Assert.Equal("ana", me!["login"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Client.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>A token row as the schemas before expiry stored it (the entity has columns those tables lack).</summary>
    private static Task StoreTokenOfTheFirstSchemaAsync(WebDbContext db, string hash, string login) =>
        db.Database.ExecuteSqlAsync($"""INSERT INTO web_api_tokens ("Hash", "Login", "CreatedAt") VALUES ({hash}, {login}, {0L})""");
}
