using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Storage;

namespace Course.Grader.Grading;

/// <summary>
/// What a result was graded against, recorded with it (<see cref="GradingResult.GradedInputs"/>) so a later change
/// can be named and its results found: the run's own inputs (image, command, limits, data sets, each hidden test
/// input file by hash), which only a new run can take in, and the host's (each reference output file by hash, the
/// checks, the late rule and the deadline), which a rescore applies to the kept outputs.
/// </summary>
internal sealed class GradingInputs(ICourseProvider course, StoredCalibrations calibrations)
{
    private const string InputPrefix = "input:";

    private const string ReferencePrefix = "reference:";

    private static readonly string[] RunKeys = ["image", "command", "limits", "data"];

    /// <summary>The inputs <paramref name="assignment"/> is graded against now, as JSON for the result.</summary>
    public async Task<string> OfAsync(AssignmentSpec assignment, CancellationToken cancellation)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["image"] = string.Join(", ", new[] { assignment.Image, assignment.Build?.Image }.OfType<string>().Concat(assignment.Images)),
            ["command"] = string.Join(' ', assignment.Command),
            ["limits"] = JsonSerializer.Serialize(assignment.Limits),
            ["data"] = string.Join(", ", assignment.Data),
            ["latePolicy"] = Describe(assignment.LatePolicy),
            ["deadline"] = course.Times.Deadline(assignment).ToString("u", CultureInfo.InvariantCulture),
        };
        if (assignment.Kind != AssignmentKind.Competition && assignment.Tests is { } tests)
        {
            inputs["checks"] = string.Join("; ", tests.Checks.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Name} on {c.Output}: {c.Points:0.###} points, tolerance {c.Tolerance:g}")));
            if (tests.Inputs is { } folder)
            {
                AddFiles(inputs, InputPrefix, course.Resolve(folder), null);
            }

            AddFiles(inputs, ReferencePrefix, await calibrations.ReferenceOutputsAsync(assignment.Id, cancellation), tests.Checks.Select(c => c.Output).ToHashSet(StringComparer.Ordinal));
        }

        return JsonSerializer.Serialize(inputs);
    }

    /// <summary>What differs between two recorded input sets, one sentence each (empty when nothing does).</summary>
    public static IReadOnlyList<InputChange> Changes(string recorded, string current)
    {
        var before = Read(recorded);
        var after = Read(current);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Select(key => new InputChange(Describe(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)), NeedsRun(key),
                key is "latePolicy" or "deadline"))
            .ToList();
    }

    private static bool NeedsRun(string key) => key.StartsWith(InputPrefix, StringComparison.Ordinal) || RunKeys.Contains(key);

    private static string Describe(string key, string? before, string? after)
    {
        var (what, hashed) = key.StartsWith(InputPrefix, StringComparison.Ordinal) ? ($"test input {key[InputPrefix.Length..]}", true)
            : key.StartsWith(ReferencePrefix, StringComparison.Ordinal) ? ($"reference output {key[ReferencePrefix.Length..]}", true)
            : (key switch { "latePolicy" => "late rule", "checks" => "checks", _ => key }, false);
        return (before, after) switch
        {
            (null, _) => $"{what} added",
            (_, null) => $"{what} removed",
            _ when hashed => $"{what} changed",
            _ => $"{what} changed ({before} -> {after})",
        };
    }

    private static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static string Describe(LatePolicySpec policy) => string.Create(CultureInfo.InvariantCulture,
        $"{policy.PenaltyPerDay * 100:0.##}% a day, at most {policy.MaxLateDays} day(s), {policy.GraceHours:0.##} h grace");

    private static void AddFiles(SortedDictionary<string, string> inputs, string prefix, string folder, HashSet<string>? only)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (only is null || only.Contains(name))
            {
                using var stream = File.OpenRead(file);
                inputs[prefix + name] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }
    }
}

/// <summary>
/// One input that differs from what a result was graded against: <paramref name="NeedsRun"/> when only a new run can
/// take it in, <paramref name="AboutLateness"/> when it only matters to late work (the late rule, the deadline).
/// </summary>
internal sealed record InputChange(string What, bool NeedsRun, bool AboutLateness);
