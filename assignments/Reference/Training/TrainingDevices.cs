using TorchSharp;
using static TorchSharp.torch;

namespace Course.Reference.Training;

/// <summary>
/// Turns <c>--device</c> into the device training runs on: auto takes CUDA when torch finds a CUDA device
/// and the CPU otherwise; cuda without a CUDA device is a usage error, not a silent fall back to the CPU.
/// </summary>
internal static class TrainingDevices
{
    public static Device Resolve(string requested) => requested switch
    {
        "cpu" => torch.CPU,
        "cuda" => torch.cuda.is_available()
            ? torch.CUDA
            : throw new UsageException("--device cuda: no CUDA device (torch.cuda.is_available() is false); use --device auto or cpu"),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };

    /// <summary>The name the metrics log gives it: "cpu" or "cuda", as torch names device types.</summary>
    public static string Name(Device device) => device.type == DeviceType.CUDA ? "cuda" : "cpu";
}
