using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Model.Values;
using Course.Assignments.Roster;
using Course.Grader.Submissions;
using Course.Leaderboard.Boards;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Notices;

/// <summary>
/// Queues a reminder to each member of a team that has submitted nothing when an assignment's deadline is
/// within course.json's <c>notices.deadlineReminder</c> (and the assignment is released). Submitted means a
/// submission the grader received or, for a competition, an entry on its board. Each student gets one
/// reminder per assignment however often this runs (<c>grader serve</c>'s mail rounds, <c>grader notices send</c>).
/// Written assignments are handed in outside the grader and get none.
/// </summary>
internal sealed class DeadlineReminders(GraderDbContext submissions, IBoards boards, IRoster roster, GradeNotices notices, ICourseProvider course,
    TimeProvider clock)
{
    /// <summary>Returns how many reminders were queued now.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellation)
    {
        if (course.Course.Notices?.DeadlineReminder is not { } setting)
        {
            return 0;
        }

        var before = Duration.Parse(setting);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var assignment in course.Course.Assignments.Where(a => a.Kind != AssignmentKind.Written))
        {
            var deadline = course.Times.Deadline(assignment);
            if (now < course.Times.Release(assignment) || now >= deadline || deadline - now > before)
            {
                continue;
            }

            var submitted = await SubmittedAsync(assignment, cancellation);
            foreach (var team in (await roster.TeamsAsync(assignment.Id, cancellation)).Where(t => !submitted.Contains(t.Name)))
            {
                foreach (var login in team.Members)
                {
                    if (await roster.StudentAsync(login, cancellation) is { } student
                        && await notices.DeadlineNearAsync(student, assignment.Id, deadline, cancellation))
                    {
                        queued++;
                    }
                }
            }
        }

        return queued;
    }

    private async Task<HashSet<string>> SubmittedAsync(AssignmentSpec assignment, CancellationToken cancellation)
    {
        var owners = (await submissions.Submissions.AsNoTracking().Where(s => s.Assignment == assignment.Id).Select(s => s.Owner)
            .Distinct().ToListAsync(cancellation)).ToHashSet(StringComparer.Ordinal);
        if (assignment.Kind == AssignmentKind.Competition)
        {
            owners.UnionWith((await boards.ShowAsync(assignment.Id, privateBoard: false, cancellation)).Rows.Select(r => r.Team));
        }

        return owners;
    }
}
