using System.Text;
using Course.Assignments.Model;
using Course.Core.Output;

namespace Course.Grader.Grading;

/// <summary>
/// The image a submission runs on: the assignment's <c>image</c>, or one of its <c>images</c> that
/// the submission names in a <c>.course-image</c> file at its root. A name the assignment does not
/// offer runs on the assignment's image, with a note in the feedback saying so (the name escaped: the student wrote it).
/// </summary>
internal sealed record ImageChoice(string Image, Markdown? Note)
{
    public const string FileName = ".course-image";

    /// <summary>Longest <see cref="FileName"/> read; an image name is short.</summary>
    private const int MaxBytes = 256;

    public static ImageChoice For(AssignmentSpec assignment, string snapshot)
    {
        var image = assignment.Image ?? throw new InvalidOperationException($"assignment '{assignment.Id}' has no image");
        var file = new FileInfo(Path.Combine(snapshot, FileName));
        if (!file.Exists || file.LinkTarget is not null)
        {
            return new ImageChoice(image, null);
        }

        var asked = ReadName(file);
        if (asked == image || assignment.Images.Contains(asked, StringComparer.Ordinal))
        {
            return new ImageChoice(asked, null);
        }

        var offered = string.Join(", ", new[] { image }.Concat(assignment.Images));
        return new ImageChoice(image,
            Markdown.Line($"`{Markdown.Constant(FileName)}` asks for '{asked}', which {assignment.Id} does not offer ({offered}); the run used {image}."));
    }

    private static string ReadName(FileInfo file)
    {
        using var stream = file.OpenRead();
        var buffer = new byte[MaxBytes];
        var length = stream.ReadAtLeast(buffer, MaxBytes, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buffer, 0, length).Trim();
        return string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
    }
}
