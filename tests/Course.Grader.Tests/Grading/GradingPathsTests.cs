using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class GradingPathsTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("hw2/duo", "hw2%2Fduo")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("..a", "..a")]
    public void Safe_Segment_IsOneFolderName(string segment, string folder) => Assert.Equal(folder, GradingPaths.Safe(segment));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Safe_NoFolderName_Throws(string segment) => Assert.Throws<ArgumentException>(() => GradingPaths.Safe(segment));

    [Fact]
    public void Safe_TeamAndStudentOfTheSameLetters_GetDifferentFolders() =>
        Assert.NotEqual(GradingPaths.Safe("hw2/duo"), GradingPaths.Safe("hw2-duo"));
}
