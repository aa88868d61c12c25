using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Notices;

/// <summary>
/// Releasing an assignment's grades: students see them from then on (<c>/api/grades</c>), and each enrolled
/// student is e-mailed their score once. Releasing again records nothing new and e-mails only students enrolled since.
/// </summary>
internal sealed class GradeReleases(GradebookDbContext db, Gradebook gradebook, GradeNotices notices, IRoster roster, ICourseProvider course,
    TimeProvider clock)
{
    /// <summary>Returns how many notices were queued now.</summary>
    public async Task<int> ReleaseAsync(string assignment, string by, CancellationToken cancellation)
    {
        course.Assignment(assignment);
        if (roster.Staff(by) is null)
        {
            throw new BadInputException($"--by: '{by}' is not on the course's staff (course.json staff)");
        }

        if (await db.Releases.FindAsync([assignment], cancellation) is null)
        {
            db.Releases.Add(new GradeRelease { Assignment = assignment, By = by, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellation);
        }

        var rows = (await gradebook.ComputeAsync(cancellation)).ToDictionary(r => r.Login, StringComparer.Ordinal);
        var queued = 0;
        foreach (var student in await roster.StudentsAsync(cancellation))
        {
            var fraction = rows.TryGetValue(student.Login, out var row) ? row.Assignments[assignment].Fraction : null;
            queued += await notices.GradesReleasedAsync(student, assignment, fraction, cancellation) ? 1 : 0;
        }

        return queued;
    }

    public async Task<IReadOnlySet<string>> ReleasedAsync(CancellationToken cancellation) =>
        (await db.Releases.AsNoTracking().Select(r => r.Assignment).ToListAsync(cancellation)).ToHashSet(StringComparer.Ordinal);
}
