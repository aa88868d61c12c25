using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grading;

namespace Course.Grader.Grades;

/// <summary>
/// The late days a student has left and, for one assignment, what a push at this moment (the injected clock)
/// would cost: days late against the student's or team's deadline, late days it would use, and the penalty.
/// </summary>
public sealed class LateDayPreview(IAutomaticScores automatic, GradebookDbContext db, IRoster roster, ICourseProvider course, TimeProvider clock)
{
    public async Task<LateDayStatement> ShowAsync(string login, string? assignment, CancellationToken cancellation)
    {
        if (await roster.StudentAsync(login, cancellation) is null)
        {
            throw new NotFoundException($"student: '{login}' is not an enrolled student");
        }

        var spec = assignment is null ? null : course.Assignment(assignment);
        var scores = await automatic.ReadAsync(cancellation);
        var pool = course.Course.LateDays.Pool;
        int UsedBy(string member, string? except = null) =>
            scores.Where(s => s.Key.Login == member && s.Key.Assignment != except).Sum(s => s.Value.Charge.DaysUsed);
        var uses = course.Course.Assignments
            .Select(a => scores.TryGetValue((a.Id, login), out var score) ? new LateDayUse(a.Id, score.Charge.DaysLate, score.Charge.DaysUsed) : null)
            .OfType<LateDayUse>().Where(u => u.DaysLate > 0).ToList();
        var used = UsedBy(login);
        PushNowCost? cost = null;
        if (spec is not null)
        {
            var team = await roster.TeamOfAsync(spec.Id, login, cancellation);
            var owner = team?.Name ?? login;
            IReadOnlyList<string> spenders = course.Course.LateDays.TeamRule == LateDayTeamRule.EveryMember ? team?.Members ?? [login] : [login];
            var available = spenders.Min(m => pool - UsedBy(m, spec.Id));
            cost = await CostAsync(spec, owner, available, cancellation);
        }

        return new LateDayStatement(login, pool, used, pool - used, uses, cost);
    }

    private async Task<PushNowCost> CostAsync(AssignmentSpec assignment, string owner, int available, CancellationToken cancellation)
    {
        var deadlines = await ExtendedDeadlines.ReadAsync(db, course, cancellation);
        var now = clock.GetUtcNow();
        var deadline = deadlines.For(assignment, owner);
        var charge = LateDayCharge.For(now, deadline, assignment.LatePolicy, course.Times.Zone, available);
        var local = TimeZoneInfo.ConvertTime(deadline, course.Times.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var due = $"deadline {local} {course.Times.Zone.Id}{(deadlines.Of(assignment, owner) is null ? "" : ", extended")}";
        var summary = assignment.Kind == AssignmentKind.Competition
            ? $"{assignment.Id} is graded from its final board; late days do not apply ({due})."
            : charge.DaysLate == 0
                ? $"A push now is on time ({due}); it uses no late days."
                : $"A push now is {charge.DaysLate} day(s) late ({due}): it uses {charge.DaysUsed} of the {available} late day(s) available to it; " +
                  (charge.PenaltyDays == 0 ? "no penalty."
                      : charge.Factor == 0 ? $"the other {charge.PenaltyDays} day(s) are past the cut-off of {assignment.LatePolicy.MaxLateDays}: it scores 0."
                      : $"the other {charge.PenaltyDays} day(s) cost {Percent(assignment.LatePolicy.PenaltyPerDay)} each: score x {charge.Factor.ToString("R", CultureInfo.InvariantCulture)}.");
        return new PushNowCost(assignment.Id, now, deadline, deadlines.Of(assignment, owner) is not null, available, charge, summary);
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
