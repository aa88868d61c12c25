using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Teams;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>
/// Automatic scores from the pipeline's results: per student or team, the counting submission
/// (last on time or best, per the assignment) after its late penalty; a team's score is each member's.
/// Competitions are left to <see cref="FinalBoardScores"/>.
/// </summary>
internal sealed class ResultScores(GraderDbContext db, TeamService teams, ICourseProvider course) : IAutomaticScores
{
    public async Task<IReadOnlyDictionary<(string Assignment, string Login), double>> ReadAsync(CancellationToken cancellation)
    {
        var results = await db.Results.AsNoTracking().ToListAsync(cancellation);
        var received = await db.Submissions.AsNoTracking()
            .ToDictionaryAsync(s => s.Id, s => s.ReceivedAt, cancellation);
        var scores = new Dictionary<(string, string), double>();
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

            foreach (var login in await MembersAsync(assignment.Id, group.Key.Owner, cancellation))
            {
                scores[(assignment.Id, login)] = counting.Score;
            }
        }

        return scores;
    }

    private async Task<IReadOnlyList<string>> MembersAsync(string assignment, string owner, CancellationToken cancellation)
    {
        var plan = await teams.ReadAsync(assignment, cancellation);
        var name = owner.StartsWith(assignment + "/", StringComparison.Ordinal) ? owner[(assignment.Length + 1)..] : owner;
        return plan.Teams.TryGetValue(name, out var members) ? members : [owner];
    }
}
