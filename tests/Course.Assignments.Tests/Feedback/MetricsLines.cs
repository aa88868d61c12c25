using System.Globalization;
using System.Text;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Tests.Feedback;

/// <summary>Builds synthetic metrics logs: a loss curve as a function of the step.</summary>
internal static class MetricsLines
{
    public static string Curve(int steps, Func<int, double> loss, Func<int, double> accuracy)
    {
        var text = new StringBuilder();
        for (var step = 1; step <= steps; step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"step\":{step},\"epoch\":0,\"loss\":{Number(loss(step))},\"accuracy\":{Number(accuracy(step))}}}\n");
        }

        return text.ToString();
    }

    /// <summary>A healthy run: loss from ln 10 down towards 0.4, accuracy from 0.1 up to 0.85.</summary>
    public static string Healthy(int steps = 50) =>
        Curve(steps, s => 0.4 + ((Math.Log(10) - 0.4) * Math.Exp(-(s - 1) / 10.0)), s => 0.85 - (0.75 * Math.Exp(-(s - 1) / 10.0)));

    public static MetricsLog Parse(string text, string source = "metrics.jsonl") =>
        MetricsLogParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), source);

    // Python's json module writes NaN and Infinity as bare tokens; so do these logs.
    private static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : value.ToString("R", CultureInfo.InvariantCulture);
}
