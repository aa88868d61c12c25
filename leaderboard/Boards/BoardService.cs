using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Leaderboard.Standings;
using Course.Leaderboard.Submissions;
using Course.Leaderboard.Teams;
using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Boards;

/// <summary>Reads boards, records final selections and finalizes a competition.</summary>
internal sealed class BoardService(LeaderboardDbContext db, ICourseProvider course, ITeamDirectory teams, TimeProvider clock)
    : IFinalStandings, IBoards
{
    /// <summary>The public board; the private one only after <see cref="FinalizeAsync"/> (hidden scores stay hidden until then).</summary>
    public async Task<Board> ShowAsync(string assignment, bool privateBoard, CancellationToken cancellation)
    {
        var competition = Competition.Find(course, assignment);
        var finalized = await db.IsFinalizedAsync(assignment, cancellation);
        if (privateBoard && !finalized)
        {
            throw new BadInputException($"the private board of {assignment} is hidden until the competition is finalized (grader leaderboard finalize {assignment}, after {competition.Deadline:yyyy-MM-dd HH:mm zzz})");
        }

        var submissions = await db.OfAsync(assignment, cancellation);
        var roster = await teams.TeamsAsync(assignment, cancellation);
        var rows = privateBoard
            ? BoardBuilder.Private(submissions, await SelectionsAsync(assignment, cancellation), roster, competition.Setup.Metric,
                competition.Rules.FinalSelections)
            : BoardBuilder.Public(submissions, roster, competition.Setup.Metric);
        return new Board(assignment, competition.Setup.Metric.Name, privateBoard, finalized, competition.Deadline, rows);
    }

    public Task<bool> IsFinalizedAsync(string assignment, CancellationToken cancellation) => db.IsFinalizedAsync(assignment, cancellation);

    /// <summary>Selects (or with <paramref name="remove"/> unselects) a scored submission of the team for the private board.</summary>
    public async Task<IReadOnlyList<string>> SelectAsync(string assignment, string team, string submissionId, bool remove,
        CancellationToken cancellation)
    {
        var competition = Competition.Find(course, assignment);
        var resolved = TeamResolver.Resolve(await teams.TeamsAsync(assignment, cancellation), assignment, team);
        if (await db.IsFinalizedAsync(assignment, cancellation))
        {
            throw new BadInputException($"competition {assignment} is finalized: selections are fixed");
        }

        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId && s.Assignment == assignment, cancellation);
        if (submission is null || submission.Team != resolved.Name)
        {
            throw new NotFoundException($"submission '{submissionId}' is not a submission of team '{resolved.Name}' in {assignment}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var current = await db.Selections.Where(s => s.Assignment == assignment && s.Team == resolved.Name).ToListAsync(cancellation);
        var already = current.FirstOrDefault(s => s.SubmissionId == submissionId);
        if (remove)
        {
            if (already is not null)
            {
                db.Selections.Remove(already);
                current.Remove(already);
            }
        }
        else if (already is null)
        {
            if (submission.Status != SubmissionStatus.Scored)
            {
                throw new BadInputException($"submission '{submissionId}' has no score ({submission.Status}): only scored submissions can be selected");
            }

            if (current.Count >= competition.Rules.FinalSelections)
            {
                throw new BadInputException($"team '{resolved.Name}' has already selected {current.Count} of {competition.Rules.FinalSelections} submissions; unselect one first (--remove)");
            }

            var selection = new Selection { SubmissionId = submissionId, Assignment = assignment, Team = resolved.Name, SelectedAt = clock.GetUtcNow() };
            db.Selections.Add(selection);
            current.Add(selection);
        }

        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return current.Select(s => s.SubmissionId).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Closes the competition after its deadline and returns the private board; doing it again changes nothing.</summary>
    public async Task<Board> FinalizeAsync(string assignment, CancellationToken cancellation)
    {
        var competition = Competition.Find(course, assignment);
        var now = clock.GetUtcNow();
        if (now <= competition.Deadline)
        {
            throw new BadInputException($"competition {assignment} cannot be finalized before its deadline {competition.Deadline:yyyy-MM-dd HH:mm zzz}");
        }

        if (!await db.IsFinalizedAsync(assignment, cancellation))
        {
            db.Finalizations.Add(new Finalization { Assignment = assignment, FinalizedAt = now });
            await db.SaveChangesAsync(cancellation);
        }

        return await ShowAsync(assignment, privateBoard: true, cancellation);
    }

    public async Task<IReadOnlyList<FinalStanding>> StandingsAsync(string assignment, CancellationToken cancellation)
    {
        var board = await ShowAsync(assignment, privateBoard: true, cancellation);
        return board.Rows.Select(r => new FinalStanding(r.Rank, r.Team, r.Members, r.Score)).ToList();
    }

    /// <summary>Checks Kaggle's merge rule for two teams today (the roster itself belongs to the assignments module).</summary>
    public async Task<MergeVerdict> CheckMergeAsync(string assignment, string first, string second, CancellationToken cancellation)
    {
        var competition = Competition.Find(course, assignment);
        var roster = await teams.TeamsAsync(assignment, cancellation);
        var a = TeamResolver.Resolve(roster, assignment, first);
        var b = TeamResolver.Resolve(roster, assignment, second);
        var counted = (await db.OfAsync(assignment, cancellation)).Where(s => s.Counts).CountBy(s => s.Team, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var times = competition.Times;
        return MergeRule.Check(new MergeCandidate(a.Name, a.Members.Count, counted.GetValueOrDefault(a.Name)),
            new MergeCandidate(b.Name, b.Members.Count, counted.GetValueOrDefault(b.Name)), competition.Rules.DailyLimit,
            competition.Assignment.TeamSize?.Max, times.Day(competition.Release), times.Day(clock.GetUtcNow()), times.Day(competition.Deadline));
    }

    private async Task<List<Selection>> SelectionsAsync(string assignment, CancellationToken cancellation) =>
        await db.Selections.AsNoTracking().Where(s => s.Assignment == assignment).ToListAsync(cancellation);
}
