using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Cluster;
using Course.Grader.Grades;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Leaderboard.Boards;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Instructor;

/// <summary>
/// Reads the state of every assignment for the console from the services the commands use: <c>grader jobs</c>'
/// view, <c>grader hosts</c>' registry, the stored calibrations, the grade book (late days) and the boards.
/// </summary>
internal sealed class ConsoleOverview(ICourseProvider course, JobsView jobs, HostRegistry hosts, StoredCalibrations calibrations,
    GraderDbContext db, Gradebook gradebook, IBoards boards)
{
    private static readonly JobState[] Active = [JobState.Running, JobState.Queued, JobState.Retrying, JobState.Blocked];

    public async Task<IReadOnlyList<AssignmentState>> AssignmentsAsync(CancellationToken cancellation)
    {
        var active = new List<JobRow>();
        foreach (var state in Active)
        {
            active.AddRange(await jobs.ListAsync(null, cancellation, state: state, limit: 1000));
        }

        var submissions = await db.Submissions.AsNoTracking().GroupBy(s => s.Assignment)
            .Select(g => new { Assignment = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Assignment, g => g.Count, cancellation);
        var grades = await gradebook.ComputeAsync(cancellation);
        var states = new List<AssignmentState>();
        foreach (var assignment in course.Course.Assignments)
        {
            states.Add(new AssignmentState(assignment.Id, assignment.Title, assignment.Kind.ToString(), assignment.Deadline,
                active.Where(j => j.Assignment == assignment.Id).ToList(),
                await calibrations.ReportAsync(assignment.Id, cancellation),
                submissions.GetValueOrDefault(assignment.Id),
                grades.Sum(row => row.Assignments.GetValueOrDefault(assignment.Id)?.Late?.DaysUsed ?? 0),
                assignment.Kind == AssignmentKind.Competition ? await boards.IsFinalizedAsync(assignment.Id, cancellation) : null));
        }

        return states;
    }

    public Task<List<WorkerHost>> HostsAsync(CancellationToken cancellation) => hosts.ListAsync(cancellation);
}
