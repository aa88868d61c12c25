using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Grading.Build;
using Course.Sandbox.Images;

namespace Course.Grader.Grading;

/// <summary>
/// Checks, on the host and without running anything, that the course has set an assignment up for grading: the
/// reference outputs its checks compare with (calibration), images it can build, and for a submission that is built
/// the package folder. Cheap enough to ask on every worker poll for the jobs that are blocked.
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

        return null;
    }

    /// <summary>
    /// <see cref="Problem(string)"/>, and for a submission that is built (<see cref="CSharpBuild"/>: a C# project, on an
    /// assignment with a <c>build</c> section) the course's package folder too; other submissions do not need it.
    /// </summary>
    public string? Problem(string assignmentId, string snapshot)
    {
        // A snapshot that is gone is intake's problem, met when the job runs; it does not wait for the set-up.
        var problem = Problem(assignmentId);
        if (problem is not null || !Directory.Exists(snapshot))
        {
            return problem;
        }

        try
        {
            CSharpBuild.For(course.Assignment(assignmentId), snapshot, course.Resolve);
            return null;
        }
        catch (CourseSetupException missing)
        {
            return missing.Message;
        }
    }

    /// <summary>Throws <see cref="CourseSetupException"/> when <see cref="Problem(string)"/> finds one.</summary>
    public void Require(string assignmentId)
    {
        if (Problem(assignmentId) is { } problem)
        {
            throw new CourseSetupException(problem);
        }
    }
}
