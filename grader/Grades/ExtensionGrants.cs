using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Model.Values;
using Course.Assignments.Roster;
using Course.Core.Errors;

namespace Course.Grader.Grades;

/// <summary>
/// Staff grant a student, or a team on team work, a new deadline for one assignment. Grades are computed from the
/// deadlines in force, so a grant after the fact changes the grade at once; the grade book logs each grade it moved.
/// </summary>
public sealed class ExtensionGrants(GradebookDbContext db, Gradebook gradebook, IRoster roster, ICourseProvider course, TimeProvider clock)
{
    /// <param name="until">Local time in the course's time zone ("2026-10-14T23:59") or with an offset.</param>
    public async Task<Extension> GrantAsync(string assignment, string? student, string? team, string until, string reason, string by,
        CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        gradebook.RequireStaff(by);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BadInputException("reason: an extension needs a reason (--reason)");
        }

        if (!CourseTime.TryParse(until, course.Times.Zone, out var deadline))
        {
            throw new BadInputException($"until: '{until}' is not a time (2026-10-14T23:59 in {course.Times.Zone.Id}, or with an offset)");
        }

        var (owner, members) = await OwnerAsync(spec, student, team, cancellation);
        var extension = new Extension
        {
            Id = Guid.NewGuid(), Assignment = assignment, Owner = owner, Deadline = deadline, Reason = reason.Trim(), GrantedBy = by,
            GrantedAt = clock.GetUtcNow(),
        };
        var why = $"extension of {owner} to {deadline.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}: {extension.Reason}";
        await gradebook.AuditedAsync("extension", by, why, members.Select(m => (assignment, m)).ToList(), async () =>
        {
            db.Extensions.Add(extension);
            await db.SaveChangesAsync(cancellation);
        }, cancellation);
        return extension;
    }

    // Team work is submitted, and so extended, by the team: a member alone cannot move the team's deadline.
    private async Task<(string Owner, IReadOnlyList<string> Members)> OwnerAsync(AssignmentSpec assignment, string? student, string? team,
        CancellationToken cancellation)
    {
        if ((student is null) == (team is null))
        {
            throw new BadInputException("student/team: name either the student (--student) or the team (--team)");
        }

        if (team is not null)
        {
            return assignment.TeamSize is null
                ? throw new BadInputException($"team: {assignment.Id} is individual work; extend the student (--student)")
                : await roster.TeamAsync(assignment.Id, team, cancellation) is { } found
                    ? (found.Name, found.Members)
                    : throw new NotFoundException($"team: '{team}' is not a team of {assignment.Id}");
        }

        await gradebook.RequireStudentAsync(student!, cancellation);
        if (assignment.TeamSize is not null && await roster.TeamOfAsync(assignment.Id, student!, cancellation) is { Formed: true } of)
        {
            throw new BadInputException($"student: {assignment.Id} is team work and {student} is in team {of.Name}; extend the team (--team {of.Name})");
        }

        return (student!, [student!]);
    }
}
