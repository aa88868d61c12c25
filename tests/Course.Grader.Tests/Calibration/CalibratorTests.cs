using System.Text.Json;
using Course.Core.Output;

namespace Course.Grader.Tests.Calibration;

public sealed class CalibratorTests
{
    [Fact]
    public async Task RunAsync_MisSetAssignment_FlagsSlowReferenceMissedTargetAndEasyBaseline()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", [1, 1, 1, 2, 1, 3, 1, 1, 0, 0], sleepSeconds: 3); // 8 of 10 right, after 3 s
        fixture.Program("baseline", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);                   // majority class: 7 of 10

        // A 4 s limit (the reference needs more than half) and a target of 0.9 the reference cannot reach.
        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("4s", target: 0.9));

        Assert.Equal(0.8, report.Reference.Score);
        Assert.Equal(0.7, report.Baseline!.Score);
        Assert.Equal(["reference-slow", "reference-misses-target", "baseline-too-good"], report.Flags.Select(f => f.Code));
    }

    [Fact]
    public async Task RunAsync_WellSetAssignment_HasNoFlagsAndProposesTheCurve()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels);             // all right
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);         // none right

        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("30s", target: 0.95));

        Assert.Empty(report.Flags);
        Assert.Equal(new Course.Grader.Calibration.ScoreCurve(0, 1, 20), report.Curve);
        Assert.Equal(10, report.Curve!.PointsFor(0.5));
    }

    [Fact]
    public async Task RunAsync_ReferenceThatTimesOut_IsFlaggedAsFailed()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels, sleepSeconds: 30);
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("2s", target: null));

        Assert.True(report.Reference.TimedOut);
        Assert.Null(report.Reference.Score);
        Assert.Contains(report.Flags, f => f.Code == "reference-failed");
    }

    [Fact]
    public async Task RunAsync_ReferenceHoldingMemory_RecordsItsPeakAndTheBaselinesSmallOrUnsampledOne()
    {
        const long held = 32L << 20;
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels, sleepSeconds: 4, holdMiB: 32);
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("30s", target: null));

        Assert.InRange(report.Reference.PeakMemoryBytes ?? 0, held, 64L << 20);
        Assert.True(report.Baseline!.PeakMemoryBytes is null or < 16L << 20, $"{report.Baseline.PeakMemoryBytes} bytes");
        Assert.Contains("\"peakMemoryBytes\": ", Json.Serialize(report));
    }

    [Fact]
    public async Task RunAsync_ReferenceLogsItsDevice_TheReportAndItsStoredCopyRecordIt()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels, metrics: ["{\"step\":1,\"loss\":2.3,\"device\":\"cuda\"}", "{\"step\":2,\"loss\":1.1}"]);
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("30s", target: null));

        Assert.Equal(("cuda", null), (report.Reference.Device, report.Baseline!.Device));
        using var stored = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report.OutputFolder, "calibration.json")));
        Assert.Equal("cuda", stored.RootElement.GetProperty("reference").GetProperty("device").GetString());
        Assert.Equal(JsonValueKind.Null, stored.RootElement.GetProperty("baseline").GetProperty("device").ValueKind);
        Assert.Equal(1.0, stored.RootElement.GetProperty("reference").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task RunAsync_ReferenceLogWithABadDevice_RecordsNoDevice()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels, metrics: ["{\"step\":1,\"loss\":2.3,\"device\":\"<b>gpu</b>\"}"]);
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var report = await fixture.CalibrateAsync(CalibrationFixture.Competition("30s", target: null));

        Assert.Null(report.Reference.Device);
        Assert.Equal(1.0, report.Reference.Score);
    }
}
