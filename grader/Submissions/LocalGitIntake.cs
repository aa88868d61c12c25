using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Grader.Grading;

namespace Course.Grader.Submissions;

/// <summary>
/// Intake from a folder of bare repositories, one per student or team, named by the course's
/// <c>github.repositoryPattern</c> (e.g. <c>hw1-alice.git</c>). For each repository the commit at
/// HEAD is recorded. A local repository has no push log the grader can trust, so its
/// "received at" is the server clock when intake first saw that commit: run fetch (or a timer)
/// before the deadline and a commit made earlier but first seen after it counts as late.
/// Nothing from the repository runs: a repository that could give git orders is refused with the reason
/// (<see cref="RepositoryVetting"/>), and see <see cref="GitCommand"/> and <see cref="GitTreeSnapshot"/>.
/// </summary>
internal sealed class LocalGitIntake(ICourseProvider course, RosterLookup roster, SubmissionRecorder recorder, SnapshotLimits limits,
    KnownHeads heads)
    : IIntakeSource
{
    public string Name => "local";

    public async Task<IReadOnlyList<FetchEntry>> FetchAsync(string assignmentId, string? location, IProgress<FetchEntry>? progress,
        CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        var repositories = Path.GetFullPath(location ?? throw new BadInputException("--repos: required with --source local"));
        if (!Directory.Exists(repositories))
        {
            throw new NotFoundException($"--repos: folder '{repositories}' does not exist");
        }

        var pattern = (course.Course.GitHub ?? new GitHubSettings()).RepositoryName(assignment.Id, "\0");
        var (prefix, suffix) = (pattern[..pattern.IndexOf('\0', StringComparison.Ordinal)], pattern[(pattern.IndexOf('\0', StringComparison.Ordinal) + 1)..]);
        var deadline = course.Times.Deadline(assignment);
        var entries = new List<FetchEntry>();
        foreach (var folder in Directory.EnumerateDirectories(repositories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var bare = name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
            if (!bare.StartsWith(prefix, StringComparison.Ordinal) || !bare.EndsWith(suffix, StringComparison.Ordinal)
                || bare.Length <= prefix.Length + suffix.Length)
            {
                continue;
            }

            var login = bare[prefix.Length..^suffix.Length];
            var entry = await FetchOneAsync(assignment.Id, folder, name, login, cancellation);
            if (entry.ReceivedAt is { } received)
            {
                entry = entry with { OnTime = LatePolicy.OnTime(received, deadline, assignment.LatePolicy) };
            }

            entries.Add(entry);
            progress?.Report(entry);
        }

        return entries;
    }

    private async Task<FetchEntry> FetchOneAsync(string assignment, string folder, string name, string login, CancellationToken cancellation)
    {
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            return new FetchEntry(name, null, null, FetchStatus.Skipped, "is a symbolic link", null, null);
        }

        var owner = await roster.FindAsync(assignment, login, cancellation);
        if (owner is null)
        {
            return new FetchEntry(name, null, null, FetchStatus.Skipped, $"'{login}' is not a student or team in the roster", null, null);
        }

        // Before vetting: a repository whose head is as the last round left it is not read with git again.
        if (heads.Unchanged(folder, owner.Id) is { } unchanged)
        {
            return unchanged;
        }

        try
        {
            RepositoryVetting.Check(folder);
        }
        catch (IntakeException refused)
        {
            return new FetchEntry(name, owner.Id, null, FetchStatus.Skipped, refused.Message, null, null);
        }

        await using var objects = GitObjectReader.Open(new GitCommand(folder));
        GitObject? head;
        try
        {
            head = await objects.FindAsync("HEAD^{commit}", cancellation);
        }
        catch (GitException)
        {
            head = null;
        }

        if (head is null)
        {
            return new FetchEntry(name, owner.Id, null, FetchStatus.Skipped, "no commits (or not a git repository)", null, null);
        }

        var commit = head.Id;
        try
        {
            var (submission, created) = await recorder.RecordAsync(assignment, owner, name, commit, SubmissionSource.Local,
                (destination, token) => GitTreeSnapshot.WriteAsync(objects, commit, destination, limits, token), cancellation);
            var entry = new FetchEntry(name, owner.Id, commit, created ? FetchStatus.Recorded : FetchStatus.Known, null, submission.ReceivedAt, null);
            heads.Remember(folder, entry);
            return entry;
        }
        catch (Exception failure) when (failure is IntakeException or GitException)
        {
            return new FetchEntry(name, owner.Id, commit, FetchStatus.Skipped, failure.Message, null, null);
        }
    }
}
