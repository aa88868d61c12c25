using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>
/// Automatic scores from the pipeline's results: per student or team, the counting submission (last covered
/// or best, per the assignment) against the owner's deadline (an extension's when granted), after late days
/// and the late penalty. The late-day pool is spent assignment by assignment in deadline order, by the
/// course's team rule on team work. Competitions are left to <see cref="FinalBoardScores"/>.
/// </summary>
internal sealed class ResultScores(GraderDbContext db, GradebookDbContext grades, IRoster roster, ICourseProvider course) : IAutomaticScores
{
    public async Task<IReadOnlyDictionary<(string Assignment, string Login), AutomaticScore>> ReadAsync(CancellationToken cancellation)
    {
        // Smoke runs are feedback only: the full runs are the graded ones.
        var results = (await db.Results.AsNoTracking().Where(r => r.Tier == Queue.JobTier.Full).ToListAsync(cancellation))
            .ToLookup(r => r.Assignment, StringComparer.Ordinal);
        var received = await db.Submissions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ReceivedAt, cancellation);
        var deadlines = await ExtendedDeadlines.ReadAsync(grades, course, cancellation);
        var pool = course.Course.LateDays;
        var spent = new Dictionary<string, int>(StringComparer.Ordinal);
        var scores = new Dictionary<(string, string), AutomaticScore>();

        // A competition run's score is a public-board score of one entry; its grade is the final board's.
        var graded = course.Course.Assignments.Where(a => a.Kind != AssignmentKind.Competition && results.Contains(a.Id))
            .OrderBy(course.Times.Deadline).ThenBy(a => a.Id, StringComparer.Ordinal);
        foreach (var assignment in graded)
        {
            var teams = await roster.TeamsAsync(assignment.Id, cancellation);
            foreach (var group in results[assignment.Id].GroupBy(r => r.Owner, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var submissions = group.Select(r => new GradedSubmission(r.JobId, r.Commit, received[r.SubmissionId],
                    r.MaxScore > 0 ? r.RawScore / r.MaxScore : 0, r.Verdict)).ToList();

                // An owner no longer on the roster keeps the score under its own name.
                var members = teams.FirstOrDefault(t => t.Name == group.Key)?.Members ?? [group.Key];
                IEnumerable<IReadOnlyList<string>> spenders = pool.TeamRule == LateDayTeamRule.EachMember ? members.Select(m => new[] { m }) : [members];
                foreach (var spender in spenders)
                {
                    var left = spender.Min(m => pool.Pool - spent.GetValueOrDefault(m));
                    if (CountingResult.Choose(submissions, assignment.Counts, deadlines.For(assignment, group.Key), assignment.LatePolicy,
                            course.Times.Zone, left) is not { } counting)
                    {
                        continue;
                    }

                    foreach (var login in spender)
                    {
                        spent[login] = spent.GetValueOrDefault(login) + counting.Charge.DaysUsed;
                        scores[(assignment.Id, login)] = new AutomaticScore(counting.Score, counting.Charge);
                    }
                }
            }
        }

        return scores;
    }
}
