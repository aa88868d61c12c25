namespace Course.Leaderboard.Scoring;

/// <summary>A prediction file aligned to the solution's rows (row i predicts solution row i).</summary>
internal sealed class Predictions
{
    /// <summary>Predicted class codes (Label layout); codes past the solution's classes are labels it never uses.</summary>
    public int[]? Labels { get; init; }

    /// <summary>The label set the codes refer to (the solution's, extended with unknown predicted labels).</summary>
    public LabelSet? Classes { get; init; }

    /// <summary>Row-major numbers, <see cref="Width"/> per row (probabilities, scores or values).</summary>
    public double[]? Values { get; init; }

    public int Width { get; init; }
}
