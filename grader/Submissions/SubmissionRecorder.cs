using Course.Grader.Grading;
using Course.Grader.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Submissions;

/// <summary>
/// Records submissions once per (assignment, owner, commit). The first sighting wins: its
/// received-at (server clock) and snapshot stay, so a re-fetch or a replayed webhook changes nothing.
/// The snapshot is written into a scratch folder and kept in the store as one folder archive.
/// </summary>
internal sealed class SubmissionRecorder(GraderDbContext db, GradingPaths paths, IBlobStore store, TimeProvider time)
{
    /// <summary>The already recorded submission with this key, if any.</summary>
    public Task<Submission?> FindAsync(string assignment, string owner, string commit, CancellationToken cancellation) =>
        db.Submissions.AsNoTracking().SingleOrDefaultAsync(
            s => s.Assignment == assignment && s.Owner == owner && s.Commit == commit, cancellation);

    /// <summary>
    /// Records a new submission: <paramref name="snapshot"/> writes the tree into the (scratch) folder it is given
    /// and returns notes for the feedback. Returns the existing record when the key is known.
    /// </summary>
    public async Task<(Submission Submission, bool Created)> RecordAsync(string assignment, SubmissionOwner owner, string repository,
        string commit, SubmissionSource source, Func<string, CancellationToken, Task<IReadOnlyList<string>>> snapshot,
        CancellationToken cancellation)
    {
        if (await FindAsync(assignment, owner.Id, commit, cancellation) is { } existing)
        {
            return (existing, false);
        }

        var receivedAt = time.GetUtcNow();
        var staging = paths.Staging();
        IReadOnlyList<string> notes;
        string key;
        try
        {
            Directory.CreateDirectory(staging);
            notes = await snapshot(staging, cancellation);
            key = await store.PutFolderAsync(staging, cancellation);
        }
        finally
        {
            Scratch.Delete(staging);
        }

        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Assignment = assignment,
            Owner = owner.Id,
            IsTeam = owner.IsTeam,
            Repository = repository,
            Commit = commit,
            Source = source,
            ReceivedAt = receivedAt,
            SnapshotKey = key,
            IntakeNotes = JoinNotes(notes),
        };
        db.Submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return (submission, true);
        }
        catch (DbUpdateException)
        {
            // A concurrent intake recorded the same commit first; its record stands.
            db.Entry(submission).State = EntityState.Detached;
            return (await FindAsync(assignment, owner.Id, commit, cancellation)
                ?? throw new InvalidOperationException($"submission {assignment}/{owner.Id}@{commit} vanished"), false);
        }
    }

    /// <summary>
    /// The notes as <see cref="Submission.IntakeNotes"/> stores them, one a line. A note quotes names from
    /// the submission, so its control characters are escaped: a newline in one must not start another note.
    /// </summary>
    public static string JoinNotes(IEnumerable<string> notes) => string.Join('\n', notes.Select(TreePath.Printable));
}
