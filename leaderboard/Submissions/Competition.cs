using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Leaderboard.Scoring;

namespace Course.Leaderboard.Submissions;

/// <summary>A competition assignment with its rules resolved against the course.</summary>
internal sealed record Competition(AssignmentSpec Assignment, CompetitionSpec Rules, ScoringSetup Setup, string SolutionPath,
    DateTimeOffset Release, DateTimeOffset Deadline, CourseTimes Times)
{
    public string Id => Assignment.Id;

    public static Competition Find(ICourseProvider course, string id)
    {
        var assignment = course.Assignment(id);
        var rules = assignment.Competition ?? throw new BadInputException($"assignment '{id}' is not a competition (kind {assignment.Kind})");
        var times = course.Times;
        return new Competition(assignment, rules, ScoringSetup.From(rules), course.Resolve(rules.Solution),
            times.Release(assignment), times.Deadline(assignment), times);
    }
}
