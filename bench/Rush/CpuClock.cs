using System.Globalization;

/// <summary>
/// CPU time from /proc, for the benchmark's profile: the whole machine's busy and total time, and the time of this
/// process's reaped children (a <c>grader fetch</c> round and its git processes count once it has ended).
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
        // /proc/self/stat: the fields after the parenthesised name; cutime and cstime are the 16th and 17th of the line.
        var self = File.ReadAllText("/proc/self/stat");
        var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
        var children = double.Parse(fields[13], CultureInfo.InvariantCulture) + double.Parse(fields[14], CultureInfo.InvariantCulture);
        return new CpuClock((machine.Sum() - idle) / TicksPerSecond, machine.Sum() / TicksPerSecond, children / TicksPerSecond);
    }

    /// <summary>The machine's busy share between <paramref name="start"/> and now.</summary>
    public double BusySince(CpuClock start) => (MachineBusy - start.MachineBusy) / (MachineTotal - start.MachineTotal);

    public double ChildrenSince(CpuClock start) => Children - start.Children;
}
