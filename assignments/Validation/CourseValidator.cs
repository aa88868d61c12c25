using System.Text.RegularExpressions;
using Course.Assignments.Model;
using Course.Assignments.Model.Values;

namespace Course.Assignments.Validation;

/// <summary>Checks a parsed course: each field, and the rules that span fields and files.</summary>
internal sealed partial class CourseValidator(CourseSpec course, string baseDirectory)
{
    private readonly Problems _problems = new();
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public IReadOnlyList<string> Validate()
    {
        _problems.Require(!string.IsNullOrWhiteSpace(course.Name), "name", "is required");
        if (!CourseTime.TryFindZone(course.TimeZone, out _zone))
        {
            _problems.Add("timeZone", $"'{course.TimeZone}' is not a known time zone (use an IANA name like Europe/Berlin)");
        }

        ValidateStaff();
        ValidateGitHub();
        ValidateFile(course.Roster, "roster");
        ValidateFile(course.Teams, "teams");
        ValidateDatasets();
        ValidateAssignments();
        _problems.Require(course.LateDays.Pool is >= 0 and <= 60, "lateDays.pool", $"{course.LateDays.Pool} is not between 0 and 60");
        if (course.FinalGrade is { } final)
        {
            new FinalGradeValidator(final, course, _problems).Validate();
        }

        if (course.Credits is { } credits)
        {
            new CreditsValidator(credits, course, _problems, _zone).Validate();
        }

        _problems.Require(course.Notices?.DeadlineReminder is not { } reminder || Duration.TryParse(reminder, out _),
            "notices.deadlineReminder", $"'{course.Notices?.DeadlineReminder}' is not a duration like 48h or 90m");

        return _problems.Lines;
    }

    private void ValidateStaff()
    {
        Unique(course.Staff.Select(s => s.Login), "staff", "login");
        for (var i = 0; i < course.Staff.Count; i++)
        {
            _problems.Require(IsLogin(course.Staff[i].Login), $"staff[{i}].login",
                $"'{course.Staff[i].Login}' is not a login (letters, digits, '-' or '_')");
        }

        _problems.Require(course.Staff.Any(s => s.Role == StaffRole.Instructor), "staff", "needs at least one instructor");
    }

    private void ValidateGitHub()
    {
        if (course.GitHub is not { } github)
        {
            return;
        }

        _problems.Require(!string.IsNullOrWhiteSpace(github.Organization), "github.organization", "is required");
        _problems.Require(github.RepositoryPattern.Contains("{login}", StringComparison.Ordinal),
            "github.repositoryPattern", $"'{github.RepositoryPattern}' must contain {{login}}");
    }

    private void ValidateDatasets()
    {
        Unique(course.Datasets.Select(d => d.Name), "datasets", "name");
        for (var i = 0; i < course.Datasets.Count; i++)
        {
            var dataset = course.Datasets[i];
            _problems.Require(IsIdentifier(dataset.Name), $"datasets[{i}].name", $"'{dataset.Name}' is not a name (a-z, 0-9, '-')");
            var install = dataset.Package is { } package ? $" (install the Debian package {package})" : "";
            _problems.Require(Directory.Exists(Resolve(dataset.Path)), $"datasets[{i}].path",
                $"{dataset.Path} does not exist{install}");
            for (var f = 0; f < (dataset.Files?.Count ?? 0); f++)
            {
                var file = dataset.Files![f];
                _problems.Require(file.Length > 0 && file == Path.GetFileName(file) && File.Exists(Path.Combine(Resolve(dataset.Path), file)),
                    $"datasets[{i}].files[{f}]", $"'{file}' is not a file of {dataset.Path}");
            }
        }
    }

    private void ValidateAssignments()
    {
        _problems.Require(course.Assignments.Count > 0, "assignments", "a course needs at least one assignment");
        Unique(course.Assignments.Select(a => a.Id), "assignments", "id");
        for (var i = 0; i < course.Assignments.Count; i++)
        {
            new AssignmentValidator(course, course.Assignments[i], $"assignments[{i}]", _problems, _zone, Resolve).Validate();
        }

        var total = course.Assignments.Sum(a => a.Weight);
        _problems.Require(course.Assignments.Count == 0 || Math.Abs(total - 100) < 0.01, "assignments",
            $"weights add up to {total:0.##}, not 100");
    }

    private void ValidateFile(string? relative, string path)
    {
        if (relative is not null)
        {
            _problems.Require(File.Exists(Resolve(relative)), path, $"file {relative} does not exist");
        }
    }

    private void Unique(IEnumerable<string> values, string path, string field)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            _problems.Add(path, $"{field} '{duplicate.Key}' is used {duplicate.Count()} times; {field}s must be unique");
        }
    }

    private string Resolve(string relative) => Path.GetFullPath(Path.Combine(baseDirectory, relative));

    internal static bool IsLogin(string? value) => value is not null && LoginPattern().IsMatch(value);

    internal static bool IsIdentifier(string? value) => value is not null && IdentifierPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$")]
    private static partial Regex LoginPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdentifierPattern();
}
