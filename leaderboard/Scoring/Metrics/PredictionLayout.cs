namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>What a prediction file holds for a metric.</summary>
internal enum PredictionLayout
{
    /// <summary>One column, named like the solution's target column, with a class label.</summary>
    Label,

    /// <summary>
    /// One probability column per class, named by the class label; for two classes a single
    /// column named like the target column, holding the probability of the greater label, is accepted.
    /// </summary>
    Probabilities,

    /// <summary>One column, named like the target column, with any finite score of the greater label (binary).</summary>
    Score,

    /// <summary>One numeric column per target column, with the same names.</summary>
    Values,
}
