namespace Course.Leaderboard.Standings;

/// <summary>
/// The final private standings of a finalized competition, for the credits module's prizes
/// (<c>grader credits issue --prizes &lt;assignment&gt;</c>) and the grade book: rank 1 is the winner.
/// </summary>
public interface IFinalStandings
{
    /// <summary>
    /// Every ranked team of <paramref name="assignment"/>, best first, with its members' logins.
    /// Throws a bad-input error (exit 2) when the assignment is not a competition or has not been
    /// finalized (<c>grader leaderboard finalize</c>), so prizes are never handed out on a moving board.
    /// </summary>
    Task<IReadOnlyList<FinalStanding>> StandingsAsync(string assignment, CancellationToken cancellation);
}
