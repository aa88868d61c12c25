using Course.Assignments.Courses;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// Compares who pushed (as GitHub says in the push event) with whose repository it is. A push to alice's
/// repository by bob is still graded as alice's submission, but the submission is flagged for staff
/// (<see cref="Submission.StaffFlag"/>): bob may be doing alice's homework, or pushing into a repository
/// that is not his. A push by the owner, by a member of the owner's team, or by staff is not flagged.
/// Staff are recognised by their course login, which for staff is their GitHub login.
/// </summary>
internal sealed class PusherCheck(ICourseProvider course, RosterLookup roster, GraderDbContext db)
{
    /// <summary>Flags the recorded submission of <paramref name="entry"/> when <paramref name="pusher"/> should not push there; returns the flag, or null.</summary>
    public async Task<string?> FlagAsync(string assignment, FetchEntry entry, string? pusher, CancellationToken cancellation)
    {
        if (pusher is null || entry.Owner is null || entry.Commit is null
            || course.Course.Staff.Any(s => string.Equals(s.Login, pusher, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var student = await roster.FindByGitHubAsync(assignment, pusher, cancellation);
        if (student?.Owner.Id == entry.Owner)
        {
            return null;
        }

        var submission = await db.Submissions.SingleOrDefaultAsync(
            s => s.Assignment == assignment && s.Owner == entry.Owner && s.Commit == entry.Commit, cancellation);
        if (submission is null)
        {
            return null;
        }

        var who = student is { } known ? $"{known.Student} (GitHub '{pusher}')" : $"GitHub user '{pusher}' (not in the roster or staff)";
        var flag = $"pushed by {who}, not by {(submission.IsTeam ? $"a member of team {entry.Owner}" : entry.Owner)}";
        submission.StaffFlag ??= flag;
        await db.SaveChangesAsync(cancellation);
        return flag;
    }
}
