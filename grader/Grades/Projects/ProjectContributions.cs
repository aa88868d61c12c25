using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Projects;

/// <summary>
/// Takes a project team's stated contributions from the <c>CONTRIBUTIONS</c> file of its latest submitted
/// snapshot and records each member's percentage as a grade book item (<see cref="Gradebook.ContributionItem"/>),
/// by the staff member who imports it, with the commit as the comment. A TA may state them instead with
/// <c>grades set --item contribution</c>; the newest entry counts.
/// </summary>
internal sealed class ProjectContributions(GraderDbContext submissions, Gradebook gradebook, IRoster roster, ICourseProvider course)
{
    public async Task<IReadOnlyDictionary<string, double>> ImportAsync(string assignment, string team, string by, CancellationToken cancellation)
    {
        if (course.Assignment(assignment).Kind != AssignmentKind.Project)
        {
            throw new BadInputException($"assignment: {assignment} is not a project");
        }

        var members = (await roster.TeamAsync(assignment, team, cancellation))?.Members
                      ?? throw new NotFoundException($"--team: no team '{team}' on {assignment}");
        var latest = (await submissions.Submissions.AsNoTracking().Where(s => s.Assignment == assignment && s.Owner == team).ToListAsync(cancellation))
            .MaxBy(s => s.ReceivedAt)
            ?? throw new BadInputException($"--team: team {team} has submitted nothing to {assignment}, so there is no {ContributionsFile.Name} to read");
        var shares = ContributionsFile.Read(latest.SnapshotPath, members, team);
        foreach (var (login, percent) in shares)
        {
            await gradebook.SetAsync(assignment, login, Gradebook.ContributionItem, percent, by,
                $"{ContributionsFile.Name} at commit {latest.Commit}", cancellation);
        }

        return shares;
    }
}
