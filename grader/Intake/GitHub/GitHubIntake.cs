using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Submissions;

namespace Course.Grader.Intake.GitHub;

/// <summary>
/// <c>grader fetch ASSIGNMENT --source github [--repos ORG]</c>: polls the organization's
/// repositories named by the course's pattern (<c>hw3-</c>...) and records each tip of the default
/// branch. Polling cannot know when a commit was pushed, so its received-at is when the grader first
/// saw it; the webhook gives the exact arrival time.
/// </summary>
internal sealed class GitHubIntake(ICourseProvider course, IRepositoryHost host, GitHubSubmissionTaker taker) : IIntakeSource
{
    public string Name => "github";

    public async Task<IReadOnlyList<FetchEntry>> FetchAsync(string assignmentId, string? location, IProgress<FetchEntry>? progress,
        CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        var organization = location ?? course.Course.GitHub?.Organization;
        if (string.IsNullOrWhiteSpace(organization))
        {
            throw new BadInputException("github.organization: not set in course.json (or give --repos ORGANIZATION)");
        }

        var (prefix, _) = RepositoryNames.Affixes(course.Course.GitHub, assignment.Id);
        var deadline = course.Times.Deadline(assignment);
        var entries = new List<FetchEntry>();
        foreach (var repository in await host.ListRepositoriesAsync(organization, prefix, cancellation))
        {
            var login = RepositoryNames.Login(course.Course.GitHub, assignment.Id, repository.Name);
            if (login is null)
            {
                continue;
            }

            var entry = await taker.TakeAsync(assignment, repository, login, commit: null, receivedAt: null, cancellation);
            if (entry.ReceivedAt is { } received)
            {
                entry = entry with { OnTime = LatePolicy.OnTime(received, deadline, assignment.LatePolicy) };
            }

            entries.Add(entry);
            progress?.Report(entry);
        }

        return entries;
    }
}
