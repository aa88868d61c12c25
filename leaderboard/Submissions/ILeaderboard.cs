namespace Course.Leaderboard.Submissions;

/// <summary>
/// Records predictions on a competition's leaderboard. Used by the grading pipeline (sandbox runs)
/// and by uploads (command line, web). Scores are computed here, on the host, from the hidden
/// solution; only the public score is returned.
/// </summary>
public interface ILeaderboard
{
    /// <summary>
    /// Scores <see cref="SubmissionRequest.PredictionsPath"/> and records it. Idempotent: a request
    /// whose key was recorded before returns that submission (<see cref="SubmissionReceipt.Repeated"/>)
    /// and counts nothing again, except that an earlier infrastructure failure is replaced.
    /// An invalid file is recorded with status <see cref="SubmissionStatus.Invalid"/> and its error
    /// (file:line: problem), and counts against the daily limit.
    /// </summary>
    /// <exception cref="DailyLimitException">The team used its submissions of the day (course time zone).</exception>
    /// <exception cref="Course.Core.Errors.BadInputException">Unknown assignment or team, or the competition is closed.</exception>
    Task<SubmissionReceipt> SubmitAsync(SubmissionRequest request, CancellationToken cancellation);

    /// <summary>
    /// Records that a run could not produce predictions because of the infrastructure: never
    /// counted against the limit; a later <see cref="SubmitAsync"/> with the same key replaces it.
    /// </summary>
    Task<SubmissionReceipt> RecordInfrastructureFailureAsync(SubmissionRequest request, string reason, CancellationToken cancellation);

    /// <summary>Submissions the team (name or member login) may still make today, in the course's time zone.</summary>
    Task<int> RemainingTodayAsync(string assignment, string team, CancellationToken cancellation);
}
