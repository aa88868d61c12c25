using Course.Assignments.Model;
using Course.Grader.Queue;

namespace Course.Grader.Grading;

/// <summary>What a job of one tier runs: the smoke section's command and limits for a smoke run, the assignment's otherwise.</summary>
internal static class TierRun
{
    public static LimitsSpec Limits(AssignmentSpec assignment, JobTier tier) =>
        tier == JobTier.Smoke && assignment.Smoke is { } smoke ? smoke.Limits : assignment.Limits;

    public static IReadOnlyList<string> Command(AssignmentSpec assignment, JobTier tier) =>
        tier == JobTier.Smoke && assignment.Smoke is { } smoke ? smoke.Command : assignment.Command;

    /// <summary>The tier a push gets: the smoke run when the assignment has one, else the full run as always.</summary>
    public static JobTier OnPush(AssignmentSpec assignment) => assignment.Smoke is null ? JobTier.Full : JobTier.Smoke;
}
