using Course.Assignments.Model;
using Course.Grader.Calibration;
using Course.Grader.Grading.Training;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Standings;

namespace Course.Grader.Grades;

/// <summary>
/// A competition's grades from the leaderboard's final private board, so CSV uploads count like sandbox
/// runs (both are leaderboard entries); every member of a team gets the team's score. An accuracy
/// competition with a <c>target</c> maps the score through the curve calibration proposes: the calibrated
/// baseline's accuracy (0 before calibration) gives no points, the target full points. Otherwise the
/// private score itself is the fraction.
/// </summary>
internal sealed class FinalBoardScores(IBoards boards, IFinalStandings standings, CalibratedBaseline baseline) : ICompetitionScores
{
    public async Task<CompetitionColumn> ReadAsync(AssignmentSpec assignment, CancellationToken cancellation)
    {
        // Before finalization the private scores are hidden and the selections may still change: no grade yet.
        if (!await boards.IsFinalizedAsync(assignment.Id, cancellation))
        {
            return new CompetitionColumn(new Dictionary<string, double>(),
                $"competition not finalized (grader leaderboard finalize {assignment.Id}, after the deadline)");
        }

        var curve = await CurveAsync(assignment, cancellation);
        var fractions = (await standings.StandingsAsync(assignment.Id, cancellation))
            .SelectMany(team => team.Members.Select(login => (Login: login, Score: team.Score)))
            .ToDictionary(member => member.Login, member => Fraction(member.Score, curve), StringComparer.Ordinal);
        return new CompetitionColumn(fractions, null);
    }

    // Without a curve the score is read as a fraction; clamping keeps a metric that is not one (RMSE) within the weight.
    private static double Fraction(double score, ScoreCurve? curve) => curve?.PointsFor(score) ?? Math.Clamp(score, 0, 1);

    // A curve's zero needs a baseline on the metric's own scale; calibration scores accuracy only.
    private async Task<ScoreCurve?> CurveAsync(AssignmentSpec assignment, CancellationToken cancellation) =>
        assignment.Competition is { Metric: CompetitionMetrics.Accuracy, Target: { } target }
            ? new ScoreCurve(await baseline.ScoredAccuracyAsync(assignment, cancellation) ?? 0, target, Points: 1)
            : null;
}
