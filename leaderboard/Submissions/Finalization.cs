namespace Course.Leaderboard.Submissions;

/// <summary>Marks a competition as closed: the private board and the prizes are fixed from here on.</summary>
internal sealed class Finalization
{
    public required string Assignment { get; init; }

    public required DateTimeOffset FinalizedAt { get; init; }
}
