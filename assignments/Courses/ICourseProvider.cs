using Course.Assignments.Model;

namespace Course.Assignments.Courses;

/// <summary>The course this process serves, loaded from course.json and validated once.</summary>
public interface ICourseProvider
{
    /// <summary>The validated course; throws a bad-input error listing every problem otherwise.</summary>
    CourseSpec Course { get; }

    CourseTimes Times { get; }

    /// <summary>The assignment with <paramref name="id"/>, or a not-found error naming the known ids.</summary>
    AssignmentSpec Assignment(string id);

    /// <summary>A path written in course.json, resolved against the course's folder.</summary>
    string Resolve(string relative);
}
