namespace Course.Credits.Issuing;

/// <summary>
/// Implemented outside this module (the grader wires the leaderboard's final private standings in),
/// so <c>grader credits issue --prizes A</c> can find the winners without a file.
/// </summary>
public interface IFinalStandings
{
    /// <summary>Teams by final rank (1 is best); empty or a bad-input error when the competition is not finalized.</summary>
    Task<IReadOnlyList<PrizeWinner>> FinalStandingsAsync(string assignment, CancellationToken cancellation);
}
