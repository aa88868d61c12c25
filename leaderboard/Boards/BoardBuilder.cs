using Course.Assignments.Roster;
using Course.Leaderboard.Scoring.Metrics;
using Course.Leaderboard.Submissions;

namespace Course.Leaderboard.Boards;

/// <summary>
/// Ranks teams. Ties are always broken by the earlier submission (then by id, so the order is
/// total and the same on every read).
/// </summary>
internal static class BoardBuilder
{
    /// <summary>Each team's best public score among its scored submissions.</summary>
    public static IReadOnlyList<BoardRow> Public(IReadOnlyList<Submission> submissions, IReadOnlyList<RosterTeam> teams, Metric metric) =>
        Rank(submissions, teams, metric, team => Best(team, s => s.PublicScore!.Value, metric), s => s.PublicScore!.Value);

    /// <summary>
    /// Each team's best private score among its final submissions: those it selected, or, when it
    /// selected none, its <paramref name="finalSelections"/> best public ones.
    /// </summary>
    public static IReadOnlyList<BoardRow> Private(IReadOnlyList<Submission> submissions, IReadOnlyCollection<Selection> selections,
        IReadOnlyList<RosterTeam> teams, Metric metric, int finalSelections)
    {
        var selected = selections.Select(s => s.SubmissionId).ToHashSet(StringComparer.Ordinal);
        var publicRanks = Public(submissions, teams, metric).ToDictionary(r => r.Team, r => r.Rank, StringComparer.Ordinal);
        return Rank(submissions, teams, metric,
                team => Best(Finals(team, selected, metric, finalSelections), s => s.PrivateScore!.Value, metric),
                s => s.PrivateScore!.Value)
            .Select(r => r with { PublicRank = publicRanks[r.Team], Shakeup = publicRanks[r.Team] - r.Rank })
            .ToList();
    }

    /// <summary>The final submissions of one team (what <see cref="Private"/> counts), best public first.</summary>
    public static IReadOnlyList<Submission> Finals(IReadOnlyList<Submission> team, IReadOnlyCollection<string> selected, Metric metric, int finalSelections)
    {
        var scored = team.Where(s => s.Status == SubmissionStatus.Scored).ToList();
        var chosen = scored.Where(s => selected.Contains(s.Id)).ToList();
        return Order(chosen.Count > 0 ? chosen : scored, s => s.PublicScore!.Value, metric).Take(chosen.Count > 0 ? chosen.Count : finalSelections).ToList();
    }

    public static IOrderedEnumerable<Submission> Order(IEnumerable<Submission> submissions, Func<Submission, double> score, Metric metric) =>
        (metric.HigherIsBetter ? submissions.OrderByDescending(score) : submissions.OrderBy(score))
        .ThenBy(s => s.SubmittedAt).ThenBy(s => s.Id, StringComparer.Ordinal);

    private static Submission? Best(IEnumerable<Submission> submissions, Func<Submission, double> score, Metric metric) =>
        Order(submissions, score, metric).FirstOrDefault();

    private static List<BoardRow> Rank(IReadOnlyList<Submission> submissions, IReadOnlyList<RosterTeam> teams, Metric metric,
        Func<IReadOnlyList<Submission>, Submission?> pick, Func<Submission, double> score)
    {
        var members = teams.ToDictionary(t => t.Name, t => t.Members, StringComparer.Ordinal);
        var entries = submissions.Where(s => s.Counts).CountBy(s => s.Team, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var picks = submissions
            .Where(s => s.Status == SubmissionStatus.Scored)
            .GroupBy(s => s.Team, StringComparer.Ordinal)
            .Select(g => pick(g.ToList()))
            .OfType<Submission>();
        var ordered = Order(picks, score, metric).ToList();
        return ordered.Select((s, i) => new BoardRow(i + 1, s.Team, members.GetValueOrDefault(s.Team, [s.Team]), score(s), s.Id,
            s.SubmittedAt, entries[s.Team])).ToList();
    }
}
