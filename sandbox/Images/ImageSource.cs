namespace Course.Sandbox.Images;

/// <summary>
/// Something a recipe copies into its image that no package registry here serves, given by the course as a
/// path: configuration key <c>Sandbox:{Setting}</c> (environment variable <c>Sandbox__{Setting}</c>), handed to
/// the recipe as the environment variable <see cref="Variable"/>. <see cref="What"/> says what the path must hold.
/// </summary>
internal sealed record ImageSource(string Setting, string Variable, string What)
{
    public static ImageSource LibTorchCuda { get; } = new("LibTorchCuda", "COURSE_LIBTORCH_CUDA",
        "the lib folder of a CUDA LibTorch (torch/lib of a PyTorch CUDA install, with libtorch_cuda.so)");

    public static ImageSource PyTorchCuda { get; } = new("PyTorchCuda", "COURSE_PYTORCH_CUDA",
        "a folder of PyTorch CUDA wheels for Python 3.13 (torch and its dependencies, as pip download writes them)");

    public string Key => $"Sandbox:{Setting}";

    /// <summary>What to do when the course has not given it: the setting to set, and what it must point to.</summary>
    public string Missing(string image) =>
        $"image '{image}' needs {What}: set {Key} (environment variable Sandbox__{Setting}) to its path";
}
