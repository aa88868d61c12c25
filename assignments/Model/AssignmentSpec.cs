namespace Course.Assignments.Model;

/// <summary>One homework, competition, written part or project.</summary>
public sealed record AssignmentSpec
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public AssignmentKind Kind { get; init; }

    /// <summary>Local time in the course's time zone ("2026-10-01T09:00") or with an offset.</summary>
    public string Release { get; init; } = "";

    public string Deadline { get; init; } = "";

    /// <summary>Share of the final grade, in percent; all assignments add up to 100.</summary>
    public double Weight { get; init; }

    public LatePolicySpec LatePolicy { get; init; } = new();

    /// <summary>Which submission counts: the last one before the deadline, or the best.</summary>
    public SubmissionChoice Counts { get; init; } = SubmissionChoice.Last;

    /// <summary>Sandbox image (an <c>images build</c> recipe name) for tests, competition and debug kinds.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// Other images a submission may ask for, by naming one in a <c>.course-image</c> file at its root
    /// (a PyTorch entry to a competition whose reference is TorchSharp, say). The command and limits stay the same.
    /// </summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Command run in the container, e.g. ["python3", "/submission/train.py"].</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>
    /// Builds a submission with a C# project (<c>*.csproj</c>) at its root and no <c>.course-image</c> inside the
    /// sandbox before <see cref="Command"/> runs; absent means submissions run as they are.
    /// </summary>
    public BuildSpec? Build { get; init; }

    public LimitsSpec Limits { get; init; } = new();

    /// <summary>
    /// A smoke run on every push; with one, pushes get only the smoke run and the full run (the one graded) waits
    /// for a submission. Absent: every push gets its full run.
    /// </summary>
    public SmokeSpec? Smoke { get; init; }

    /// <summary>
    /// GPU time each student or team may spend on full runs of this assignment, as a duration ("40h" = 40 GPU-hours:
    /// wall time × GPUs of each full run); staff grant more with <c>grader budgets grant</c>. Absent: no budget.
    /// </summary>
    public string? GpuBudget { get; init; }

    /// <summary>Names of course data sets mounted read-only under /data.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Folder (relative to course.json) with the staff's reference solution.</summary>
    public string? Reference { get; init; }

    /// <summary>Folder (relative to course.json) with the trivial baseline used by calibration.</summary>
    public string? Baseline { get; init; }

    /// <summary>Starter code handed to students, relative to course.json.</summary>
    public string? Starter { get; init; }

    public TestsSpec? Tests { get; init; }

    public CompetitionSpec? Competition { get; init; }

    public IReadOnlyList<RubricItem> Rubric { get; init; } = [];

    public ProjectSpec? Project { get; init; }

    /// <summary>Team size for team work (competitions and projects); absent means individual work.</summary>
    public TeamSizeSpec? TeamSize { get; init; }
}

public enum SubmissionChoice
{
    Last,
    Best,
}
