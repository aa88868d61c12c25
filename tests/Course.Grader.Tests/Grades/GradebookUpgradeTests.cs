using Course.Grader.Grades;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>Upgrading a grade book from before the audit log keeps its overrides and starts the log with them.</summary>
public sealed class GradebookUpgradeTests
{
    private const string BeforeAuditLog = "20261123212727_Initial";

    [Fact]
    public async Task Migrate_FromBeforeTheAuditLog_OverridesKeptAndInTheHistory()
    {
        var at = new DateTimeOffset(2026, 10, 14, 9, 30, 0, TimeSpan.Zero);
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(at), students: ["ana"]);
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GradebookDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(BeforeAuditLog);
            Assert.DoesNotContain(db.Database.GetAppliedMigrations(), m => m.EndsWith("ExtensionsAndGradeChanges", StringComparison.Ordinal));
            db.ScoreOverrides.Add(new ScoreOverride
            {
                Id = Guid.NewGuid(), Assignment = TestCourse.Assignment, Login = "ana", Fraction = 0.9, Reason = "typo in test 3", By = "prof", At = at,
            });
            await db.SaveChangesAsync();
        }

        var migrate = await course.RunAsync("db", "migrate");
        var history = await GradeBookCourse.RunAsync(course, "grades", "history", "ana");
        var shown = await GradeBookCourse.RunAsync(course, "grades", "show");

        Assert.Equal(0, migrate.Exit);
        Assert.Equal("2026-10-14 09:30 prof hw1/ana none -> 0.9 override: typo in test 3", history.Trim());
        Assert.Contains("90.0*", shown, StringComparison.Ordinal);
    }
}
