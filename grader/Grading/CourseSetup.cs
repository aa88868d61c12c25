using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Grading.Build;
using Course.Grader.Storage;
using Course.Sandbox.Images;

namespace Course.Grader.Grading;

/// <summary>
/// Checks, on the host and without running anything, that the course has set an assignment up for grading: the
/// reference outputs its checks compare with (calibration), images it can build, and for a submission that is built
/// the package folder. Cheap enough to ask on every worker poll for the jobs that are blocked: the calibration is
/// unpacked once per stored version, and a snapshot is unpacked only while the package folder is missing.
/// </summary>
internal sealed class CourseSetup(ICourseProvider course, StoredCalibrations calibrations, IBlobStore store, GradingPaths paths,
    ISandboxImages images)
{
    /// <summary>Why <paramref name="assignmentId"/> cannot be graded yet, naming what to do; null when it can.</summary>
    public async Task<string?> ProblemAsync(string assignmentId, CancellationToken cancellation)
    {
        if (course.Course.FindAssignment(assignmentId) is not { } assignment)
        {
            return $"'{assignmentId}' is no longer in course.json";
        }

        if (assignment.Kind != AssignmentKind.Competition && assignment.Tests?.Checks is { Count: > 0 } checks)
        {
            var reference = await calibrations.ReferenceOutputsAsync(assignment.Id, cancellation);
            var missing = checks.Select(c => c.Output).Distinct(StringComparer.Ordinal)
                .FirstOrDefault(output => !File.Exists(Path.Combine(reference, output)));
            if (missing is not null)
            {
                return $"'{assignment.Id}' is not calibrated: reference output {missing} is missing (run grader calibrate {assignment.Id})";
            }
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
    /// <see cref="ProblemAsync(string, CancellationToken)"/>, and for a submission that is built (<see cref="CSharpBuild"/>:
    /// a C# project, on an assignment with a <c>build</c> section) the course's package folder too; other submissions do
    /// not need it. The snapshot (<paramref name="snapshotKey"/>) is unpacked into scratch space only when the package
    /// folder is missing, to tell whether it is built.
    /// </summary>
    public async Task<string?> ProblemAsync(string assignmentId, string? snapshotKey, CancellationToken cancellation)
    {
        // A snapshot that is not stored is intake's problem, met when the job runs; it does not wait for the set-up.
        var problem = await ProblemAsync(assignmentId, cancellation);
        var assignment = course.Assignment(assignmentId);
        if (problem is not null || snapshotKey is null || assignment.Build is not { } build || PackagesPresent(course.Resolve(build.Packages)))
        {
            return problem;
        }

        var snapshot = paths.Staging();
        try
        {
            await store.MaterializeAsync(snapshotKey, snapshot, cancellation);
            CSharpBuild.For(assignment, snapshot, course.Resolve);
            return null;
        }
        catch (CourseSetupException missing)
        {
            return missing.Message;
        }
        finally
        {
            Scratch.Delete(snapshot);
        }
    }

    /// <summary>Throws <see cref="CourseSetupException"/> when <see cref="ProblemAsync(string, CancellationToken)"/> finds one.</summary>
    public async Task RequireAsync(string assignmentId, CancellationToken cancellation)
    {
        if (await ProblemAsync(assignmentId, cancellation) is { } problem)
        {
            throw new CourseSetupException(problem);
        }
    }

    private static bool PackagesPresent(string packages) => Directory.Exists(packages) && Directory.EnumerateDirectories(packages).Any();
}
