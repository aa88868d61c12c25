using System.Globalization;

/// <summary>One side's rounds: seconds, the machine's busy share and the side's own CPU seconds, per round.</summary>
internal sealed class SideTotals
{
    public List<double> Seconds { get; } = [];

    public List<double> Busy { get; } = [];

    public List<double> Cpu { get; } = [];

    public void Add(double seconds, double busy, double cpu)
    {
        Seconds.Add(seconds);
        Busy.Add(busy);
        Cpu.Add(cpu);
    }

    public string Describe() => string.Join(", ", Seconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)));
}
