using System.Text.Json.Serialization;

namespace Course.Assignments.Model;

/// <summary>
/// A course as written in course.json. Times, durations and sizes stay as written here;
/// <see cref="Validation.CourseValidator"/> checks them and <see cref="CourseTimes"/> reads them.
/// </summary>
public sealed record CourseSpec
{
    /// <summary>The JSON Schema editors validate against (course.schema.json).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string Name { get; init; } = "";

    public string Term { get; init; } = "";

    /// <summary>IANA time zone of every deadline written without an offset, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; init; } = "UTC";

    public IReadOnlyList<StaffMember> Staff { get; init; } = [];

    public GitHubSettings? GitHub { get; init; }

    /// <summary>Roster CSV (login,name,email[,section][,github]) relative to course.json.</summary>
    public string? Roster { get; init; }

    /// <summary>Optional teams CSV (assignment,team,login) relative to course.json.</summary>
    public string? Teams { get; init; }

    /// <summary>Data sets assignments may mount, by name.</summary>
    public IReadOnlyList<DatasetSpec> Datasets { get; init; } = [];

    public IReadOnlyList<AssignmentSpec> Assignments { get; init; } = [];

    public CreditsSpec? Credits { get; init; }

    /// <summary>The late-day pool shared by all assignments; absent means none.</summary>
    public LateDaysSpec LateDays { get; init; } = new();

    /// <summary>Category weights, dropped scores and letter cut-offs of the final grade; absent means no final grade.</summary>
    public FinalGradeSpec? FinalGrade { get; init; }

    public NoticesSpec? Notices { get; init; }

    public AssignmentSpec? FindAssignment(string id) =>
        Assignments.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));
}
