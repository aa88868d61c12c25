using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grades.Projects;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>
/// The grade book: automatic scores from the pipeline and from competitions' final boards, rubric points
/// from TAs, project milestones split by stated contribution, and overrides (with their reason) on top;
/// totals by assignment weight. Every change made here is written to the audit log (<see cref="IGradeAudit"/>) with
/// the grades before and after, including grades it moves indirectly (a teammate's milestone, a late day freed).
/// </summary>
public sealed class Gradebook(GradebookDbContext db, IRoster roster, ICourseProvider course, IAutomaticScores automatic,
    ICompetitionScores competitionScores, IGradeAudit audit, TimeProvider clock)
{
    /// <summary>Item id of a project member's stated contribution, in percent of the team's work.</summary>
    public const string ContributionItem = "contribution";

    public async Task<IReadOnlyList<GradebookRow>> ComputeAsync(CancellationToken cancellation)
    {
        var spec = course.Course;
        var students = await roster.StudentsAsync(cancellation);
        var scores = await automatic.ReadAsync(cancellation);
        var manual = (await db.ManualGrades.AsNoTracking().ToListAsync(cancellation))
            .GroupBy(g => (g.Assignment, g.Login, g.Item))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.At).Last().Points);
        var overrides = (await db.ScoreOverrides.AsNoTracking().ToListAsync(cancellation))
            .GroupBy(o => (o.Assignment, o.Login))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.At).Last());
        var projectTeams = new Dictionary<string, IReadOnlyList<RosterTeam>>();
        foreach (var project in spec.Assignments.Where(a => a.Kind == AssignmentKind.Project))
        {
            projectTeams[project.Id] = await roster.TeamsAsync(project.Id, cancellation);
        }

        var competitions = new Dictionary<string, CompetitionColumn>();
        foreach (var competition in spec.Assignments.Where(a => a.Kind == AssignmentKind.Competition))
        {
            competitions[competition.Id] = await competitionScores.ReadAsync(competition, cancellation);
        }

        return students.Select(student =>
        {
            var grades = spec.Assignments.ToDictionary(a => a.Id, a =>
            {
                if (overrides.TryGetValue((a.Id, student.Login), out var change) && change.Fraction is { } fraction)
                {
                    return new AssignmentGrade(fraction, true, change.Reason);
                }

                if (competitions.TryGetValue(a.Id, out var column))
                {
                    return new AssignmentGrade(column.Fractions.TryGetValue(student.Login, out var placed) ? placed : null, false, null,
                        column.Missing);
                }

                if (a.Kind == AssignmentKind.Project)
                {
                    var member = ProjectMember(a, student.Login, manual, projectTeams[a.Id]);
                    return new AssignmentGrade(member.Score, false, null, member.Flag);
                }

                var automaticScore = scores.GetValueOrDefault((a.Id, student.Login));
                return new AssignmentGrade(a.Kind switch
                {
                    AssignmentKind.Written => RubricFraction(a, student.Login, manual),
                    _ => automaticScore?.Fraction,
                }, false, null, Late: automaticScore?.Charge);
            });
            var total = spec.Assignments.Sum(a => a.Weight * (grades[a.Id].Fraction ?? 0));
            return new GradebookRow(student.Login, student.Name, student.Section, grades, total);
        }).ToList();
    }

    /// <summary>Each team of a project with its milestone score and every member's stated share, score and flag.</summary>
    internal async Task<IReadOnlyList<ProjectTeamScore>> ProjectAsync(string assignment, CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        if (spec.Kind != AssignmentKind.Project)
        {
            throw new BadInputException($"assignment: {assignment} is not a project");
        }

        var manual = (await db.ManualGrades.AsNoTracking().Where(g => g.Assignment == assignment).ToListAsync(cancellation))
            .GroupBy(g => (g.Login, g.Item))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.At).Last().Points);
        return (await roster.TeamsAsync(assignment, cancellation))
            .Select(team => ProjectSplit.Compute(spec, team.Name, team.Members,
                (member, item) => manual.TryGetValue((member, item), out var points) ? points : null))
            .ToList();
    }

    /// <summary>Records a TA's points on one rubric item or milestone; checked against the rubric.</summary>
    public async Task SetAsync(string assignment, string login, string item, double points, string by, string? comment,
        CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        RequireStaff(by);
        await RequireStudentAsync(login, cancellation);
        var maximum = item == ContributionItem && spec.Kind == AssignmentKind.Project ? 100
            : spec.Rubric.FirstOrDefault(r => r.Id == item)?.Points
              ?? (spec.Project?.Milestones.Any(m => m.Id == item) == true ? 100
                  : throw new BadInputException($"'{item}' is not a rubric item or milestone of {assignment} (known: {string.Join(", ", Items(spec))})"));
        if (points < 0 || points > maximum || !double.IsFinite(points))
        {
            throw new BadInputException($"{assignment}.{item}: {points} is not between 0 and {maximum}");
        }

        await AuditedAsync("rubric", by, $"{item}: {points.ToString(CultureInfo.InvariantCulture)} of {maximum} points{(comment is null ? "" : $" ({comment})")}",
            [(assignment, login)], async () =>
            {
                db.ManualGrades.Add(new ManualGrade
                {
                    Id = Guid.NewGuid(), Assignment = assignment, Login = login, Item = item, Points = points, GradedBy = by,
                    Comment = comment, At = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(cancellation);
            }, cancellation);
    }

    /// <summary>Replaces a student's computed score with <paramref name="fraction"/> (null withdraws); a reason is required.</summary>
    public async Task OverrideAsync(string assignment, string login, double? fraction, string reason, string by,
        CancellationToken cancellation)
    {
        course.Assignment(assignment);
        RequireStaff(by);
        await RequireStudentAsync(login, cancellation);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BadInputException("an override needs a reason (--reason)");
        }

        if (fraction is { } value && (value < 0 || value > 1 || !double.IsFinite(value)))
        {
            throw new BadInputException($"score {value} is not a fraction between 0 and 1");
        }

        await AuditedAsync("override", by, reason.Trim(), [(assignment, login)], async () =>
        {
            db.ScoreOverrides.Add(new ScoreOverride
            {
                Id = Guid.NewGuid(), Assignment = assignment, Login = login, Fraction = fraction, Reason = reason.Trim(), By = by,
                At = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellation);
        }, cancellation);
    }

    /// <summary>
    /// Runs <paramref name="change"/> and logs every grade it changed, old and new; the <paramref name="targets"/> the change
    /// was about are logged even when their grade stays the same, so the action itself is on record.
    /// </summary>
    internal async Task AuditedAsync(string kind, string by, string reason, IReadOnlyCollection<(string Assignment, string Login)> targets,
        Func<Task> change, CancellationToken cancellation)
    {
        var before = Fractions(await ComputeAsync(cancellation));
        await change();
        var after = Fractions(await ComputeAsync(cancellation));
        foreach (var (key, fraction) in after.Where(a => targets.Contains(a.Key) || !Equals(before.GetValueOrDefault(a.Key), a.Value)))
        {
            await audit.RecordAsync(key.Assignment, key.Login, before.GetValueOrDefault(key), fraction, kind, by, reason, cancellation);
        }
    }

    private static Dictionary<(string Assignment, string Login), double?> Fractions(IEnumerable<GradebookRow> rows) =>
        rows.SelectMany(r => r.Assignments.Select(a => (Key: (a.Key, r.Login), a.Value.Fraction))).ToDictionary(x => x.Key, x => x.Fraction);

    private static double? RubricFraction(AssignmentSpec assignment, string login,
        Dictionary<(string, string, string), double> manual)
    {
        var graded = assignment.Rubric.Where(r => manual.ContainsKey((assignment.Id, login, r.Id))).ToList();
        return graded.Count == 0 ? null
            : graded.Sum(r => manual[(assignment.Id, login, r.Id)]) / assignment.Rubric.Sum(r => r.Points);
    }

    private static ProjectMemberScore ProjectMember(AssignmentSpec assignment, string login,
        Dictionary<(string, string, string), double> manual, IReadOnlyList<RosterTeam> teams)
    {
        var team = teams.FirstOrDefault(t => t.Members.Contains(login, StringComparer.Ordinal)) ?? new RosterTeam(login, [login], Formed: false);
        return ProjectSplit.Compute(assignment, team.Name, team.Members,
                (member, item) => manual.TryGetValue((assignment.Id, member, item), out var points) ? points : null)
            .Members.Single(m => m.Login == login);
    }

    internal void RequireStaff(string login)
    {
        if (roster.Staff(login) is null)
        {
            throw new BadInputException($"'{login}' is not on the course's staff (course.json staff)");
        }
    }

    internal async Task RequireStudentAsync(string login, CancellationToken cancellation)
    {
        if (await roster.StudentAsync(login, cancellation) is null)
        {
            throw new NotFoundException($"student: '{login}' is not an enrolled student");
        }
    }

    private static IEnumerable<string> Items(AssignmentSpec spec) =>
        spec.Rubric.Select(r => r.Id).Concat(spec.Project?.Milestones.Select(m => m.Id) ?? [])
            .Concat(spec.Kind == AssignmentKind.Project ? [ContributionItem] : []);
}
