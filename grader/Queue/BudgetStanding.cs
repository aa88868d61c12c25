using System.Globalization;

namespace Course.Grader.Queue;

/// <summary>
/// One student's or team's GPU time on one assignment: used by finished full runs, reserved by their queued and
/// running full runs (each at its limit: time limit × GPUs), the course.json budget, staff grants, and what one more
/// run may use. A run is refused when it could take the total past budget plus grants.
/// </summary>
public sealed record BudgetStanding(string Assignment, string Owner, TimeSpan Used, TimeSpan Reserved, TimeSpan Budget, TimeSpan Granted,
    TimeSpan ThisRun)
{
    public TimeSpan Left => Budget + Granted - Used - Reserved;

    public bool Allows => ThisRun <= Left;

    /// <summary>Why a run is refused, with the numbers, in GPU-hours.</summary>
    public string Refusal() => string.Create(CultureInfo.InvariantCulture,
        $"full run of {Assignment} for {Owner} refused: it would pass the GPU budget. Used {Hours(Used)} of {Hours(Budget + Granted)} GPU-hours "
        + $"(budget {Hours(Budget)} + granted {Hours(Granted)}), {Hours(Reserved)} reserved by queued runs, and this run may use up to "
        + $"{Hours(ThisRun)} (its time limit × GPUs). Ask the staff for more (grader budgets grant).");

    public static string Hours(TimeSpan gpuTime) => gpuTime.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
}
