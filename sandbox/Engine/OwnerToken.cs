using System.Globalization;

namespace Course.Sandbox.Engine;

/// <summary>
/// Names the process that created a container or folder: "machine/pid.starttime". The start
/// time makes a recycled pid count as dead, so the sweeper never spares a stranger's leftovers.
/// </summary>
internal sealed record OwnerToken(string Machine, int Pid, long StartTicks)
{
    public static OwnerToken Current { get; } = CreateCurrent();

    public string Value => $"{Machine}/{Local}";

    /// <summary>The part that names folders: "pid.starttime".</summary>
    public string Local => $"{Pid.ToString(CultureInfo.InvariantCulture)}.{StartTicks.ToString(CultureInfo.InvariantCulture)}";

    public static OwnerToken? Parse(string? value)
    {
        var slash = value?.LastIndexOf('/') ?? -1;
        return slash <= 0 ? null : ParseLocal(value![..slash], value[(slash + 1)..]);
    }

    public static OwnerToken? ParseLocal(string machine, string local)
    {
        var parts = local.Split('.');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new OwnerToken(machine, pid, ticks)
            : null;
    }

    /// <summary>True when this process is gone from this machine; unknown machines count as alive.</summary>
    public bool IsDeadHere()
    {
        if (Machine != Current.Machine)
        {
            return false;
        }

        return StartTicksOf(Pid) != StartTicks;
    }

    private static OwnerToken CreateCurrent() =>
        new(Environment.MachineName, Environment.ProcessId, StartTicksOf(Environment.ProcessId) ?? 0);

    // The kernel's start time of a process (field 22 of /proc/PID/stat, in clock ticks since boot) is
    // exact and the same for every reader; Process.StartTime is derived from the wall clock and can
    // differ by milliseconds between processes, which would make a live owner look dead.
    private static long? StartTicksOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
