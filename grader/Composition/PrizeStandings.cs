using Course.Leaderboard.Standings;
using CreditStandings = Course.Credits.Issuing.IFinalStandings;
using PrizeWinner = Course.Credits.Issuing.PrizeWinner;

namespace Course.Grader.Composition;

/// <summary>Hands the leaderboard's final private board to the credits module, which awards the prizes.</summary>
internal sealed class PrizeStandings(IFinalStandings leaderboard) : CreditStandings
{
    public async Task<IReadOnlyList<PrizeWinner>> FinalStandingsAsync(string assignment, CancellationToken cancellation) =>
        (await leaderboard.StandingsAsync(assignment, cancellation))
            .Select(standing => new PrizeWinner(standing.Rank, standing.Team, standing.Members))
            .ToList();
}
