using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Sandbox.Running;

namespace Course.Grader.Calibration;

/// <summary>
/// The sandbox job of one calibration run, built exactly as a student's would be: the assignment's
/// image, command and limits; the solution folder read-only at /submission; each data set read-only at
/// /data/{name}; the hidden inputs of a tests or debug assignment at /data/inputs.
/// </summary>
internal static class CalibrationJob
{
    public static SandboxJob Create(AssignmentSpec assignment, string imageTag, string solutionFolder, IReadOnlyList<DatasetSpec> datasets,
        Func<string, string> resolve, string outputFolder, string role)
    {
        var mounts = new List<SandboxMount> { new(solutionFolder, "/submission") };
        foreach (var name in assignment.Data)
        {
            var dataset = datasets.FirstOrDefault(d => d.Name == name)
                ?? throw new BadInputException($"assignment '{assignment.Id}': data set '{name}' is not declared in datasets");
            mounts.AddRange(dataset.Mounts(resolve).Select(m => new SandboxMount(m.Source, m.Target)));
        }

        if (assignment.Tests?.Inputs is { } inputs)
        {
            mounts.Add(new SandboxMount(resolve(inputs), "/data/inputs"));
        }

        return new SandboxJob(imageTag, assignment.Command)
        {
            JobId = Truncate($"calibrate-{assignment.Id}-{role}-{Guid.NewGuid():N}", 64),
            Mounts = mounts,
            Limits = Grading.CourseLimits.ForSandbox(assignment.Limits),
            OutputFolder = outputFolder,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
