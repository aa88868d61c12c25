using Course.Assignments.Model;
using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class ImageChoiceTests : IDisposable
{
    private static readonly AssignmentSpec Competition = new() { Id = "hw2", Image = "course-torchsharp", Images = ["course-python"] };

    private readonly string snapshot = Directory.CreateTempSubdirectory("image-choice-").FullName;

    public void Dispose() => Directory.Delete(snapshot, recursive: true);

    [Fact]
    public void For_NoFile_AssignmentImage()
    {
        Assert.Equal(new ImageChoice("course-torchsharp", null), ImageChoice.For(Competition, snapshot));
    }

    [Theory]
    [InlineData("course-python\n", "course-python")]
    [InlineData("  course-torchsharp  ", "course-torchsharp")]
    public void For_OfferedImage_RunsOnIt(string content, string expected)
    {
        File.WriteAllText(Path.Combine(snapshot, ImageChoice.FileName), content);

        Assert.Equal(new ImageChoice(expected, null), ImageChoice.For(Competition, snapshot));
    }

    [Fact]
    public void For_ImageNotOffered_AssignmentImageAndNoteNamingBoth()
    {
        File.WriteAllText(Path.Combine(snapshot, ImageChoice.FileName), "ubuntu:latest\u001b[31m");

        var choice = ImageChoice.For(Competition, snapshot);

        Assert.Equal("course-torchsharp", choice.Image);
        Assert.Equal("`.course-image` asks for 'ubuntu:latest?\\[31m', which hw2 does not offer (course-torchsharp, course-python); the run used course-torchsharp.", choice.Note?.Text);
    }

    [Fact]
    public void For_HugeFile_ReadsOnlyItsStart()
    {
        File.WriteAllText(Path.Combine(snapshot, ImageChoice.FileName), new string('x', 10_000_000));

        var choice = ImageChoice.For(Competition, snapshot);

        Assert.Equal("course-torchsharp", choice.Image);
        Assert.True(choice.Note!.Text.Length < 400, choice.Note.Text);
    }

    [Fact]
    public void For_SymbolicLink_Ignored()
    {
        var target = Path.Combine(snapshot, "elsewhere");
        File.WriteAllText(target, "course-python");
        File.CreateSymbolicLink(Path.Combine(snapshot, ImageChoice.FileName), target);

        Assert.Equal(new ImageChoice("course-torchsharp", null), ImageChoice.For(Competition, snapshot));
    }
}
