using ScottPlot;

/// <summary>Throughput (left axis) and 95th-percentile wait (right axis) against the worker count, the knee marked.</summary>
internal static class ScalePlot
{
    public static void Save(IReadOnlyList<RushModel.Outcome> outcomes, int knee, string title, string path)
    {
        var plot = new Plot();
        var workers = outcomes.Select(o => (double)o.Workers).ToArray();
        var throughput = plot.Add.Scatter(workers, outcomes.Select(o => o.JobsPerMinute).ToArray());
        throughput.LegendText = "throughput (jobs/min)";
        throughput.LineWidth = 2;
        var wait = plot.Add.Scatter(workers, outcomes.Select(o => o.P95WaitSeconds / 60).ToArray());
        wait.LegendText = "95th-percentile wait (min)";
        wait.LineWidth = 2;
        wait.Axes.YAxis = plot.Axes.Right;
        var line = plot.Add.VerticalLine(knee);
        line.LegendText = $"more workers stop helping ({knee})";
        line.LinePattern = LinePattern.Dashed;
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "workers";
        plot.Axes.Left.Label.Text = "jobs per minute";
        plot.Axes.Right.Label.Text = "95th-percentile wait (minutes)";
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, 900, 500);
    }
}
