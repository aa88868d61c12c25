using Course.Assignments.Model.Values;

namespace Course.Assignments.Tests.Model;

public sealed class ValuesTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    public void DurationTryParse_Valid_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, precision: 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten minutes")]
    [InlineData("-5s")]
    [InlineData("5")]
    [InlineData("NaNs")]
    public void DurationTryParse_Invalid_ReturnsFalse(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData("512m", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("64k", 64L << 10)]
    [InlineData("2048", 2048)]
    [InlineData("1G", 1L << 30)]
    public void ByteSizeTryParse_Valid_ReturnsBytes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1m")]
    [InlineData("1e300g")]
    public void ByteSizeTryParse_Invalid_ReturnsFalse(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Fact]
    public void CourseTimeTryParse_LocalTime_UsesCourseZoneIncludingSummerTime()
    {
        Assert.True(CourseTime.TryFindZone("Europe/Berlin", out var berlin));

        Assert.True(CourseTime.TryParse("2026-10-12T23:59", berlin, out var october));
        Assert.True(CourseTime.TryParse("2026-11-12T23:59", berlin, out var november));

        Assert.Equal(TimeSpan.FromHours(2), october.Offset);
        Assert.Equal(TimeSpan.FromHours(1), november.Offset);
    }

    [Fact]
    public void CourseTimeTryParse_ExplicitOffset_KeepsIt()
    {
        Assert.True(CourseTime.TryParse("2026-10-12T23:59:00-05:00", TimeZoneInfo.Utc, out var value));

        Assert.Equal(TimeSpan.FromHours(-5), value.Offset);
    }

    [Theory]
    [InlineData("2026-02-30T23:59")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01")]
    public void CourseTimeTryParse_NotADate_ReturnsFalse(string text) =>
        Assert.False(CourseTime.TryParse(text, TimeZoneInfo.Utc, out _));
}
