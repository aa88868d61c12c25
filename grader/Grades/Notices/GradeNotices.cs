using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Credits.Outbox;

namespace Course.Grader.Grades.Notices;

/// <summary>
/// The grade book's e-mails to students, queued in the course's one outbox (<see cref="ICourseMail"/>), each
/// under a key that makes it once: grades released, a regrade answered, a deadline near.
/// </summary>
internal sealed class GradeNotices(ICourseMail mail, IRoster roster, ICourseProvider course)
{
    public Task<bool> GradesReleasedAsync(RosterStudent student, string assignment, double? fraction, CancellationToken cancellation)
    {
        var title = course.Assignment(assignment).Title;
        var score = fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"Your score: {f * 100:0.#}%.") : "You have no score on it yet.";
        return mail.QueueAsync(new CourseNotice($"grades-released:{assignment}:{student.Login}", student.Login, student.Email,
            $"Grades released: {title}", $"The grades of {assignment} ({title}) are released. {score}\n\nIf you think an item was graded wrongly, ask for a regrade on the course site.\n"),
            cancellation);
    }

    /// <summary>Tells each member of a regrade's team about an answer; <paramref name="answerKey"/> names the answer (a reply or the resolution).</summary>
    public async Task<int> RegradeAnsweredAsync(IReadOnlyList<string> members, string assignment, string item, string answerKey, string text,
        CancellationToken cancellation)
    {
        var queued = 0;
        foreach (var login in members)
        {
            if (await roster.StudentAsync(login, cancellation) is { } student
                && await mail.QueueAsync(new CourseNotice($"regrade:{answerKey}:{login}", login, student.Email,
                    $"Your regrade request on {assignment} ({item}) was answered", $"{text}\n"), cancellation))
            {
                queued++;
            }
        }

        return queued;
    }

    public Task<bool> DeadlineNearAsync(RosterStudent student, string assignment, DateTimeOffset deadline, CancellationToken cancellation)
    {
        var title = course.Assignment(assignment).Title;
        var local = TimeZoneInfo.ConvertTime(deadline, course.Times.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return mail.QueueAsync(new CourseNotice($"deadline:{assignment}:{student.Login}", student.Login, student.Email,
            $"{assignment} is due {local}", $"{assignment} ({title}) is due on {local} ({course.Times.Zone.Id}) and we have no submission from you or your team yet.\n"),
            cancellation);
    }
}
