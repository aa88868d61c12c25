using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Projects;

/// <summary>
/// Takes a project team's stated contributions from the <c>CONTRIBUTIONS</c> file of its latest submitted
/// snapshot and records each member's percentage as a grade book item (<see cref="Gradebook.ContributionItem"/>),
/// by the staff member who imports it, with the commit as the comment. A TA may state them instead with
/// <c>grades set --item contribution</c>; the newest entry counts.
/// </summary>
internal sealed class ProjectContributions(GraderDbContext submissions, IBlobStore store, GradingPaths paths, Gradebook gradebook, IRoster roster,
    ICourseProvider course)
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
        var shares = await ReadAsync(latest, members, team, cancellation);
        foreach (var (login, percent) in shares)
        {
            await gradebook.SetAsync(assignment, login, Gradebook.ContributionItem, percent, by,
                $"{ContributionsFile.Name} at commit {latest.Commit}", cancellation);
        }

        return shares;
    }

    /// <summary>Unpacks the stored snapshot into a scratch folder just long enough to read the file.</summary>
    private async Task<IReadOnlyDictionary<string, double>> ReadAsync(Submission latest, IReadOnlyList<string> members, string team,
        CancellationToken cancellation)
    {
        var folder = paths.Staging();
        try
        {
            await store.MaterializeAsync(latest.SnapshotKey
                ?? throw new BadInputException($"--team: the snapshot of {latest.Commit} is not in the store (run grader db migrate)"), folder, cancellation);
            return ContributionsFile.Read(folder, members, team);
        }
        finally
        {
            Scratch.Delete(folder);
        }
    }
}
