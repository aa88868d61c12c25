namespace Course.Leaderboard.Submissions;

/// <summary>A submission a team chose to count on the private board.</summary>
internal sealed class Selection
{
    public required string SubmissionId { get; init; }

    public required string Assignment { get; init; }

    public required string Team { get; init; }

    public required DateTimeOffset SelectedAt { get; init; }
}
