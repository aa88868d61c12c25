using Course.Assignments.Courses;
using Course.Assignments.Model;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>Each owner's deadline: the newest extension granted to that student or team, else the assignment's.</summary>
internal sealed class ExtendedDeadlines
{
    private readonly Dictionary<(string Assignment, string Owner), Extension> _newest;
    private readonly ICourseProvider _course;

    private ExtendedDeadlines(IEnumerable<Extension> extensions, ICourseProvider course)
    {
        _newest = extensions.GroupBy(e => (e.Assignment, e.Owner)).ToDictionary(g => g.Key, g => g.MaxBy(e => e.GrantedAt)!);
        _course = course;
    }

    public static async Task<ExtendedDeadlines> ReadAsync(GradebookDbContext db, ICourseProvider course, CancellationToken cancellation) =>
        new(await db.Extensions.AsNoTracking().ToListAsync(cancellation), course);

    /// <summary>The extension in force for <paramref name="owner"/> (a login or a team's name), or null.</summary>
    public Extension? Of(AssignmentSpec assignment, string owner) => _newest.GetValueOrDefault((assignment.Id, owner));

    public DateTimeOffset For(AssignmentSpec assignment, string owner) =>
        Of(assignment, owner)?.Deadline ?? _course.Times.Deadline(assignment);
}
