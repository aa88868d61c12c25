namespace Course.Leaderboard.Submissions;

/// <summary>The outcome of a submission.</summary>
public enum SubmissionStatus
{
    /// <summary>Scored: it has a public and a private score and counts against the daily limit.</summary>
    Scored,

    /// <summary>The file was invalid (the student's fault): no score, but it counts against the daily limit.</summary>
    Invalid,

    /// <summary>The infrastructure failed (engine down, disk full): no score, never counted; a retry with the same key replaces it.</summary>
    InfrastructureFailed,
}
