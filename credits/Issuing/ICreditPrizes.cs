namespace Course.Credits.Issuing;

/// <summary>Awards a finished competition's prizes (the value per rank comes from its <c>competition.prizes</c>).</summary>
public interface ICreditPrizes
{
    /// <summary>
    /// Gives each member of each winning team one code of the prize of the team's rank; ranks without a
    /// prize are ignored. Idempotent per (assignment, student): awarding twice issues nothing new.
    /// Fails with a bad-input error, before issuing anything, when a member is not on the roster.
    /// </summary>
    Task<IssueReport> AwardPrizesAsync(string assignment, IReadOnlyList<PrizeWinner> winners, CancellationToken cancellation);
}
