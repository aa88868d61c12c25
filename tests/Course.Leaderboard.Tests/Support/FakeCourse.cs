using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;

namespace Course.Leaderboard.Tests.Support;

/// <summary>A course in memory whose files live in a test's folder.</summary>
internal sealed class FakeCourse(CourseSpec course, string folder) : ICourseProvider
{
    public CourseSpec Course { get; } = course;

    public CourseTimes Times => new(Course);

    public AssignmentSpec Assignment(string id) => Course.FindAssignment(id) ?? throw new NotFoundException($"assignment '{id}' is unknown");

    public string Resolve(string relative) => Path.Combine(folder, relative);

    /// <summary>One competition "comp" in Europe/Berlin, accuracy on label, open 12-26 October 2026.</summary>
    public static CourseSpec Competition(int dailyLimit = 3, int finalSelections = 2) => new()
    {
        Name = "test",
        TimeZone = "Europe/Berlin",
        Assignments =
        [
            new AssignmentSpec
            {
                Id = "comp",
                Title = "Competition",
                Kind = AssignmentKind.Competition,
                Release = "2026-10-12T09:00",
                Deadline = "2026-10-26T23:59",
                TeamSize = new TeamSizeSpec(1, 3),
                Competition = new CompetitionSpec
                {
                    Metric = "accuracy",
                    Solution = "solution.csv",
                    DailyLimit = dailyLimit,
                    FinalSelections = finalSelections,
                },
            },
        ],
    };
}
