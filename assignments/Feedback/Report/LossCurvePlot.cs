using Course.Assignments.Feedback.Metrics;
using ScottPlot;

namespace Course.Assignments.Feedback.Report;

/// <summary>
/// Draws loss (left axis) and accuracy (right axis) against the step with ScottPlot; non-finite values and
/// values beyond ±<see cref="MaxMagnitude"/> are left out.
/// </summary>
internal static class LossCurvePlot
{
    /// <summary>
    /// ScottPlot's autoscaler throws on ranges near double's limit (1e308 and -1e308 in one log), and a
    /// student's log must never crash grading; no loss or accuracy that large is worth drawing anyway.
    /// </summary>
    public const double MaxMagnitude = 1e12;

    public const int Width = 800;
    public const int Height = 450;

    private static readonly (string Label, Func<MetricsPoint, double?> Value, bool Right)[] Series =
    [
        ("loss", p => p.Loss, false),
        ("val_loss", p => p.ValidationLoss, false),
        ("accuracy", p => p.Accuracy, true),
        ("val_accuracy", p => p.ValidationAccuracy, true),
    ];

    /// <summary>True when the log has at least one finite value to draw.</summary>
    public static bool CanDraw(MetricsLog log) => Series.Any(s => Drawable(log, s.Value).Count > 0);

    /// <returns>False when there is nothing finite to draw (no file is written).</returns>
    public static bool TrySave(MetricsLog log, string path)
    {
        var plot = new Plot();
        var drawn = 0;
        foreach (var (label, value, right) in Series)
        {
            var points = Drawable(log, value);
            if (points.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
            scatter.LegendText = label;
            scatter.MarkerSize = points.Count == 1 || label.StartsWith("val_", StringComparison.Ordinal) ? 5 : 0;
            scatter.LineWidth = 2;
            if (right)
            {
                scatter.Axes.YAxis = plot.Axes.Right;
            }

            drawn++;
        }

        if (drawn == 0)
        {
            return false;
        }

        plot.Title("Training curve");
        plot.Axes.Bottom.Label.Text = "step";
        plot.Axes.Left.Label.Text = "loss";
        plot.Axes.Right.Label.Text = "accuracy";
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, Width, Height);
        return true;
    }

    private static List<(double X, double? Y)> Drawable(MetricsLog log, Func<MetricsPoint, double?> value) =>
        log.Points.Select(p => (X: (double)p.Step, Y: value(p))).Where(p => p.Y is { } y && Math.Abs(y) <= MaxMagnitude).ToList();
}
