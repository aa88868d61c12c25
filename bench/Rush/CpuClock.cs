using System.Globalization;

/// <summary>
/// CPU time from /proc, for the benchmark's profile: the whole machine's busy and total time, the time of this
/// process's reaped children (a <c>grader fetch</c> round and its git processes count once it has ended), and a running
/// process's time with its reaped children's (the worker's; the long-running intake's with its git processes).
/// </summary>
internal readonly record struct CpuClock(double MachineBusy, double MachineTotal, double Children)
{
    private static readonly double TicksPerSecond = 100;

    public static CpuClock Now()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(field => double.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var idle = machine[3] + machine[4];
        // cutime and cstime: the CPU time of this process's reaped children.
        var children = StatFields("self")[13..15].Sum();
        return new CpuClock((machine.Sum() - idle) / TicksPerSecond, machine.Sum() / TicksPerSecond, children / TicksPerSecond);
    }

    /// <summary>The CPU seconds a running process and its reaped children have used so far (utime, stime, cutime, cstime).</summary>
    public static double Of(int process) => StatFields(process.ToString(CultureInfo.InvariantCulture))[11..15].Sum() / TicksPerSecond;

    /// <summary>/proc/PID/stat's fields after the parenthesised name (the state is the first).</summary>
    private static double[] StatFields(string process)
    {
        var stat = File.ReadAllText($"/proc/{process}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')
            .Select(field => double.TryParse(field, CultureInfo.InvariantCulture, out var value) ? value : 0).ToArray();
    }

    /// <summary>The machine's busy share between <paramref name="start"/> and now.</summary>
    public double BusySince(CpuClock start) => (MachineBusy - start.MachineBusy) / (MachineTotal - start.MachineTotal);
}
