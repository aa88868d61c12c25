using Course.Grader.Intake;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Web;

/// <summary>A course's database from before the commit-status table: <c>grader db migrate</c> adds it and keeps what was stored.</summary>
public sealed class WebUpgradeTests
{
    private const string BeforeStatuses = "20261123213256_Initial";

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
            db.Tokens.Add(new ApiToken { Hash = "hash-of-a-token", Login = "ana", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
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
}
