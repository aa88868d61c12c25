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
    /// Checks, before there is a file, what <see cref="SubmitAsync"/> checks now with the same rules: the
    /// assignment is a competition, the team (name or member login) is known, the competition is open
    /// and the team has submissions left today. Returns the earlier receipt (<see cref="SubmissionReceipt.Repeated"/>)
    /// when the key was recorded, else null: a submission may be made. <see cref="SubmitAsync"/> checks
    /// again, as the answer may change before the file comes.
    /// </summary>
    /// <exception cref="DailyLimitException">The team used its submissions of the day (course time zone).</exception>
    /// <exception cref="Course.Core.Errors.BadInputException">Unknown assignment or team, not a competition, or the competition is closed.</exception>
    Task<SubmissionReceipt?> CheckCanSubmitAsync(string assignment, string team, string idempotencyKey, CancellationToken cancellation);

    /// <summary>
    /// Records that a run could not produce predictions because of the infrastructure: never
    /// counted against the limit; a later <see cref="SubmitAsync"/> with the same key replaces it.
    /// </summary>
    Task<SubmissionReceipt> RecordInfrastructureFailureAsync(SubmissionRequest request, string reason, CancellationToken cancellation);

    /// <summary>Submissions the team (name or member login) may still make today, in the course's time zone.</summary>
    Task<int> RemainingTodayAsync(string assignment, string team, CancellationToken cancellation);
}
