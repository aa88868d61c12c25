using System.Globalization;
using System.Text;

namespace Course.Reference.Training;

/// <summary>
/// Writes /out/metrics.jsonl exactly as students must: one JSON object of numbers per line, and the device
/// the run trains on, e.g. {"step":20,"epoch":0,"loss":0.93,"accuracy":0.68,"device":"cpu"}. Flushed per
/// line so a killed run keeps its log.
/// </summary>
internal sealed class MetricsWriter(string path, string device) : IDisposable
{
    private readonly StreamWriter writer = new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };

    public void Write(int step, int epoch, params (string Name, double Value)[] values)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{{\"step\":{step},\"epoch\":{epoch}");
        foreach (var (name, value) in values)
        {
            line.Append(CultureInfo.InvariantCulture, $",\"{name}\":{value.ToString("R", CultureInfo.InvariantCulture)}");
        }

        writer.WriteLine(line.Append(CultureInfo.InvariantCulture, $",\"device\":\"{device}\"}}").ToString());
    }

    public void Dispose() => writer.Dispose();
}
