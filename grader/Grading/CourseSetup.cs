using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Sandbox.Images;

namespace Course.Grader.Grading;

/// <summary>
/// Checks, on the host and without running anything, that the course has set an assignment up for grading: the
/// reference outputs its checks compare with (calibration), images it can build, the package folder of C# builds.
/// Cheap enough to ask on every worker poll for the assignments that have blocked jobs.
/// </summary>
internal sealed class CourseSetup(ICourseProvider course, GradingPaths paths, ISandboxImages images)
{
    /// <summary>Why <paramref name="assignmentId"/> cannot be graded yet, naming what to do; null when it can.</summary>
    public string? Problem(string assignmentId)
    {
        if (course.Course.FindAssignment(assignmentId) is not { } assignment)
        {
            return $"'{assignmentId}' is no longer in course.json";
        }

        var reference = paths.ReferenceOutputs(assignment.Id);
        var missing = assignment.Kind == AssignmentKind.Competition ? null
            : (assignment.Tests?.Checks ?? []).Select(c => c.Output).Distinct(StringComparer.Ordinal)
                .FirstOrDefault(output => !File.Exists(Path.Combine(reference, output)));
        if (missing is not null)
        {
            return $"'{assignment.Id}' is not calibrated: reference output {missing} is missing from {reference} (run grader calibrate {assignment.Id})";
        }

        foreach (var image in new[] { assignment.Image, assignment.Build?.Image }.OfType<string>())
        {
            var why = images.Names.Contains(image) ? images.Unbuildable(image)
                : $"image '{image}' has no recipe (known: {string.Join(", ", images.Names)})";
            if (why is not null)
            {
                return $"'{assignment.Id}' cannot run here: {why}";
            }
        }

        if (assignment.Build is { } build && course.Resolve(build.Packages) is var packages
            && !(Directory.Exists(packages) && Directory.EnumerateDirectories(packages).Any()))
        {
            return $"the package folder of {assignment.Id}'s C# builds ({packages}) is missing or empty: run scripts/packages.sh";
        }

        return null;
    }

    /// <summary>Throws <see cref="CourseSetupException"/> when <see cref="Problem"/> finds one.</summary>
    public void Require(string assignmentId)
    {
        if (Problem(assignmentId) is { } problem)
        {
            throw new CourseSetupException(problem);
        }
    }
}
