namespace Course.Sandbox.Engine;

/// <summary>Labels on every sandbox container, so a later start can find and sweep leftovers.</summary>
internal static class ContainerLabels
{
    /// <summary>"1" on every container this module creates.</summary>
    public const string Sandbox = "course.sandbox";

    /// <summary>The job id.</summary>
    public const string Job = "course.job";

    /// <summary>The creating process: "machine/pid.starttime" (see <see cref="OwnerToken"/>).</summary>
    public const string Owner = "course.owner";
}
