using Course.Assignments.Model.Values;

namespace Course.Assignments.Model;

/// <summary>The times of a validated course, read in its time zone.</summary>
public sealed class CourseTimes(CourseSpec course)
{
    public TimeZoneInfo Zone { get; } = CourseTime.TryFindZone(course.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset Release(AssignmentSpec assignment) => Read(assignment.Release);

    public DateTimeOffset Deadline(AssignmentSpec assignment) => Read(assignment.Deadline);

    public DateTimeOffset Read(string text) =>
        CourseTime.TryParse(text, Zone, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a time in {Zone.Id}");

    /// <summary>The calendar day of <paramref name="instant"/> in the course's time zone (daily limits).</summary>
    public DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
