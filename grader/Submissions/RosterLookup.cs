using Course.Assignments.Roster;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Submissions;

/// <summary>
/// Maps the login in a repository name to the owner of the work, read-only over the roster the
/// assignments module imported: a student's GitHub login or course login, or, for team work, the
/// team's id or name for that assignment.
/// </summary>
internal sealed class RosterLookup(AssignmentsDbContext roster)
{
    public async Task<SubmissionOwner?> FindAsync(string assignment, string login, CancellationToken cancellation)
    {
        var team = await roster.Teams.AsNoTracking()
            .Where(t => t.Assignment == assignment && (t.Id == login || t.Name == login))
            .Select(t => t.Id).FirstOrDefaultAsync(cancellation);
        if (team is not null)
        {
            return new SubmissionOwner(team, IsTeam: true);
        }

        var student = await roster.Students.AsNoTracking()
            .Where(s => s.GitHub == login || s.Login == login)
            .Select(s => s.Login).FirstOrDefaultAsync(cancellation);
        if (student is null)
        {
            return null;
        }

        // In team work a student's repository counts for their team.
        var member = await roster.TeamMembers.AsNoTracking()
            .Where(m => m.Assignment == assignment && m.Login == student)
            .Select(m => m.TeamId).FirstOrDefaultAsync(cancellation);
        return member is not null ? new SubmissionOwner(member, IsTeam: true) : new SubmissionOwner(student, IsTeam: false);
    }
}
