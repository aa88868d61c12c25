using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>
/// Automatic scores from the pipeline's results: per student or team, the counting submission
/// (last on time or best, per the assignment) after its late penalty; a team's score is each member's.
/// Competitions are left to <see cref="FinalBoardScores"/>.
/// </summary>
internal sealed class ResultScores(GraderDbContext db, IRoster roster, ICourseProvider course) : IAutomaticScores
{
    public async Task<IReadOnlyDictionary<(string Assignment, string Login), double>> ReadAsync(CancellationToken cancellation)
    {
        // Smoke runs are feedback only: the full runs are the graded ones.
        var results = await db.Results.AsNoTracking().Where(r => r.Tier == Queue.JobTier.Full).ToListAsync(cancellation);
        var received = await db.Submissions.AsNoTracking()
            .ToDictionaryAsync(s => s.Id, s => s.ReceivedAt, cancellation);
        var scores = new Dictionary<(string, string), double>();
        var teams = new Dictionary<string, IReadOnlyList<RosterTeam>>(StringComparer.Ordinal);
        foreach (var group in results.GroupBy(r => (r.Assignment, r.Owner)))
        {
            // A competition run's score is a public-board score of one entry; its grade is the final board's.
            if (course.Course.FindAssignment(group.Key.Assignment) is not { Kind: not AssignmentKind.Competition } assignment)
            {
                continue;
            }

            var graded = group.Select(r => new GradedSubmission(r.JobId, r.Commit, received[r.SubmissionId],
                r.MaxScore > 0 ? r.Score / r.MaxScore : 0, r.Verdict));
            if (CountingResult.Choose(graded, assignment.Counts, course.Times.Deadline(assignment), assignment.LatePolicy) is not { } counting)
            {
                continue;
            }

            if (!teams.TryGetValue(assignment.Id, out var ofAssignment))
            {
                ofAssignment = await roster.TeamsAsync(assignment.Id, cancellation);
                teams[assignment.Id] = ofAssignment;
            }

            // An owner no longer on the roster keeps the score under its own name.
            foreach (var login in ofAssignment.FirstOrDefault(t => t.Name == group.Key.Owner)?.Members ?? [group.Key.Owner])
            {
                scores[(assignment.Id, login)] = counting.Score;
            }
        }

        return scores;
    }
}
