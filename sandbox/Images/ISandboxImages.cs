using Course.Core.Output;

namespace Course.Sandbox.Images;

/// <summary>
/// The course's images, built from Debian packages by recipes (debootstrap or busybox, then
/// <c>docker import</c>; no registry is needed) and cached by the hash of the recipe.
/// </summary>
public interface ISandboxImages
{
    /// <summary>
    /// Recipe names: course-busybox, course-python, course-torchsharp, course-dotnet (the .NET SDK, for building C#
    /// submissions), and the GPU variants course-python-cuda and course-torchsharp-cuda, which copy in a PyTorch or
    /// LibTorch for CUDA that the course gives by path.
    /// </summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Why <paramref name="name"/> cannot be built here (the setting the course has not given), or null when it can.</summary>
    string? Unbuildable(string name);

    /// <summary>
    /// Builds <paramref name="name"/> unless an image tagged with its recipe hash is already on the
    /// engine. Throws <see cref="Course.Core.Errors.BadInputException"/> for an unknown name, a source the
    /// course has not given or one the recipe refuses, and
    /// <see cref="Running.SandboxUnavailableException"/> when the recipe or the engine fails.
    /// </summary>
    Task<ImageBuild> EnsureAsync(string name, IProgress<ProgressStep>? progress = null,
        CancellationToken cancellation = default);
}
