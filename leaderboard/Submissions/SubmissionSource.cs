namespace Course.Leaderboard.Submissions;

/// <summary>Where a submission's predictions came from.</summary>
public enum SubmissionSource
{
    /// <summary>Written by the student's program in a sandbox run (<c>/out/predictions.csv</c>).</summary>
    Sandbox,

    /// <summary>A CSV uploaded directly (command line, web or API), Kaggle style.</summary>
    Upload,
}
