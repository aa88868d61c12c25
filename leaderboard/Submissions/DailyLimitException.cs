using Course.Core.Errors;

namespace Course.Leaderboard.Submissions;

/// <summary>A team has used all its submissions of a day (counted in the course's time zone).</summary>
public sealed class DailyLimitException(string assignment, string team, DateOnly day, int limit, string zone)
    : BadInputException($"team '{team}' has used its {limit} submission(s) of {assignment} on {day:yyyy-MM-dd} ({zone}); try again after midnight there")
{
    public DateOnly Day { get; } = day;

    public int Limit { get; } = limit;

    public override int HttpStatus => 429;
}
