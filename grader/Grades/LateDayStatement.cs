using Course.Grader.Grading;

namespace Course.Grader.Grades;

/// <summary>A student's late days: the pool, what each assignment used, what is left, and what a push now would cost.</summary>
public sealed record LateDayStatement(string Login, int Pool, int Used, int Left, IReadOnlyList<LateDayUse> Uses, PushNowCost? PushNow);

/// <summary>Late days one assignment's counting submission used.</summary>
public sealed record LateDayUse(string Assignment, int DaysLate, int DaysUsed);

/// <summary>
/// What a push received now would cost on one assignment. <paramref name="Available"/> is the pool less the days
/// other assignments use (for a team under everyMember, the fewest any member has).
/// </summary>
public sealed record PushNowCost(string Assignment, DateTimeOffset Now, DateTimeOffset Deadline, bool Extended, int Available, LateDayCharge Charge,
    string Summary);
