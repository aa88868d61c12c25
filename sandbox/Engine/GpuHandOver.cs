namespace Course.Sandbox.Engine;

/// <summary>How a job's leased GPUs reach its container (<c>Sandbox:GpuDevices</c>).</summary>
internal enum GpuHandOver
{
    /// <summary>A device request to the NVIDIA Container Toolkit: the container sees exactly those GPUs.</summary>
    Nvidia,

    /// <summary>
    /// For tests and machines without the NVIDIA toolkit: no device at all, only the leased UUIDs in
    /// CUDA_VISIBLE_DEVICES and NVIDIA_VISIBLE_DEVICES, so leasing can be checked where no GPU exists.
    /// </summary>
    Fake,
}
