namespace Course.Grader.Submissions;

/// <summary>
/// One commit (or upload) of one student or team for one assignment, as intake first saw it.
/// <see cref="ReceivedAt"/> is the server clock at intake, never the commit date (anyone can forge that).
/// </summary>
public sealed class Submission
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    /// <summary>Course login of the student, or team id for team work.</summary>
    public required string Owner { get; init; }

    public required bool IsTeam { get; init; }

    /// <summary>Repository name (or upload file name) it came from.</summary>
    public required string Repository { get; init; }

    /// <summary>Commit SHA (or the SHA-256 of an upload).</summary>
    public required string Commit { get; init; }

    public required SubmissionSource Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// Store key of the snapshot of the submitted tree (a folder archive): a worker unpacks it into scratch space and
    /// mounts it read-only at /submission.
    /// </summary>
    public string? SnapshotKey { get; set; }

    /// <summary>The snapshot folder a version before the store wrote; <c>grader db migrate</c> moves it into <see cref="SnapshotKey"/>.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary>What intake left out (submodules, LFS pointers, links, odd names), one line each; shown in feedback.</summary>
    public string IntakeNotes { get; set; } = "";

    /// <summary>
    /// Something staff should look at, never shown to the student: a push to this repository by someone whose
    /// work it is not (<c>Web/Webhooks/PusherCheck</c>). Null when there is nothing. The submission is graded either way.
    /// </summary>
    public string? StaffFlag { get; set; }
}
