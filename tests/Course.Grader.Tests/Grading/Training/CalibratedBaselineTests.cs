using Course.Assignments.Model;
using Course.Grader.Grading.Training;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Grading.Training;

public sealed class CalibratedBaselineTests
{
    private static readonly AssignmentSpec Competition = new()
    {
        Id = "hw9",
        Kind = AssignmentKind.Competition,
        Competition = new CompetitionSpec { Solution = "solution.csv" },
    };

    [Fact]
    public async Task Options_CompetitionBaselinePredictionsKept_UsesTheirAccuracy()
    {
        using var course = await TestCourse.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(course.Directory, "solution.csv"), "id,label\n0,1\n1,1\n2,1\n3,2\n");
        await File.WriteAllTextAsync(Path.Combine(BaselineOut(course, "hw9"), "predictions.csv"), "id,label\n0,1\n1,1\n2,1\n3,1\n");

        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var options = await Sut(scope.ServiceProvider).OptionsAsync(Competition, CancellationToken.None);

        Assert.Equal((0.75, null), (options.BaselineAccuracy, options.BaselineUnknown));
    }

    [Fact]
    public async Task Options_BaselineLogBesidePredictions_PrefersTheLoggedAccuracy()
    {
        using var course = await TestCourse.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(BaselineOut(course, "hw9"), "metrics.jsonl"), "{\"step\":0,\"accuracy\":0.2}\n");

        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var options = await Sut(scope.ServiceProvider).OptionsAsync(Competition, CancellationToken.None);

        Assert.Equal(0.2, options.BaselineAccuracy);
    }

    [Fact]
    public async Task Options_UnreadableBaselineLog_UnknownWithTheLine()
    {
        using var course = await TestCourse.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(BaselineOut(course, TestCourse.Assignment), "metrics.jsonl"), "{\"accuracy\":0.2}\n");

        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var options = await Sut(scope.ServiceProvider).OptionsAsync(new AssignmentSpec { Id = TestCourse.Assignment }, CancellationToken.None);

        Assert.Null(options.BaselineAccuracy);
        Assert.Equal("skipped: the calibrated baseline's log could not be read (metrics.jsonl line 1: field 'step' is missing)", options.BaselineUnknown);
    }

    private static CalibratedBaseline Sut(IServiceProvider services) => ActivatorUtilities.CreateInstance<CalibratedBaseline>(services);

    private static string BaselineOut(TestCourse course, string assignment)
    {
        var folder = Path.Combine(course.Directory, ".calibration", assignment, "baseline", "out");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
