namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>
/// Regression metrics, as scikit-learn defines them. Values are row-major with
/// <c>outputs</c> columns; with several outputs the result is the plain mean of the per-output
/// metric (sklearn's multioutput="uniform_average").
/// </summary>
internal static class Regression
{
    public static double Rmse(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted, int outputs) =>
        PerOutput(truth, predicted, outputs, static (t, p) => (t - p) * (t - p), Math.Sqrt);

    public static double Mae(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted, int outputs) =>
        PerOutput(truth, predicted, outputs, static (t, p) => Math.Abs(t - p), static mean => mean);

    /// <summary>RMSE of log(1 + value); negative values are rejected, as sklearn does.</summary>
    public static double Rmsle(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted, int outputs)
    {
        foreach (var value in truth)
        {
            if (value < 0)
            {
                throw new ArgumentException("RMSLE cannot be used when true values are negative");
            }
        }

        foreach (var value in predicted)
        {
            if (value < 0)
            {
                throw new ArgumentException("RMSLE cannot be used when predictions are negative");
            }
        }

        return PerOutput(truth, predicted, outputs,
            static (t, p) => (Math.Log(1 + t) - Math.Log(1 + p)) * (Math.Log(1 + t) - Math.Log(1 + p)), Math.Sqrt);
    }

    private static double PerOutput(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted, int outputs,
        Func<double, double, double> error, Func<double, double> finish)
    {
        Classification.Check(truth.Length, predicted.Length);
        var rows = truth.Length / outputs;
        double total = 0;
        for (var output = 0; output < outputs; output++)
        {
            double sum = 0;
            for (var row = 0; row < rows; row++)
            {
                var at = row * outputs + output;
                sum += error(truth[at], predicted[at]);
            }

            total += finish(sum / rows);
        }

        return total / outputs;
    }
}
