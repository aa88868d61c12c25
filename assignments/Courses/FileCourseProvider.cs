using Course.Assignments.Model;
using Course.Assignments.Validation;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Assignments.Courses;

internal sealed class FileCourseProvider(CoursePaths paths) : ICourseProvider
{
    private readonly Lazy<CourseSpec> _course = new(() => CourseLoader.Load(paths.CourseFile));

    public CourseSpec Course => _course.Value;

    public CourseTimes Times => new(Course);

    public AssignmentSpec Assignment(string id) =>
        Course.FindAssignment(id) ?? throw new NotFoundException(
            $"assignment '{id}' is not in {Path.GetFileName(paths.CourseFile)} (known: {string.Join(", ", Course.Assignments.Select(a => a.Id))})");

    public string Resolve(string relative) => paths.Resolve(relative);
}
