using Course.Assignments.Model;
using Course.Assignments.Model.Values;

namespace Course.Assignments.Validation;

/// <summary>Checks one assignment: its times, limits, files and the section its kind needs.</summary>
internal sealed class AssignmentValidator(CourseSpec course, AssignmentSpec assignment, string at, Problems problems,
    TimeZoneInfo zone, Func<string, string> resolve)
{
    public void Validate()
    {
        problems.Require(CourseValidator.IsIdentifier(assignment.Id), $"{at}.id",
            $"'{assignment.Id}' is not an id (a-z, 0-9, '-', at most 40 characters)");
        problems.Require(!string.IsNullOrWhiteSpace(assignment.Title), $"{at}.title", "is required");
        problems.Require(assignment.Weight is >= 0 and <= 100, $"{at}.weight", $"{assignment.Weight} is not between 0 and 100");
        ValidateTimes();
        ValidateLatePolicy();
        if (assignment.Kind is AssignmentKind.Tests or AssignmentKind.Competition or AssignmentKind.Debug)
        {
            ValidateRun();
        }

        foreach (var (relative, field) in new[] { (assignment.Reference, "reference"), (assignment.Baseline, "baseline"), (assignment.Starter, "starter") })
        {
            if (relative is not null)
            {
                problems.Require(Directory.Exists(resolve(relative)) || File.Exists(resolve(relative)), $"{at}.{field}",
                    $"{relative} does not exist");
            }
        }

        if (assignment.TeamSize is { } size)
        {
            problems.Require(size.Min >= 1, $"{at}.teamSize.min", $"{size.Min} must be at least 1");
            problems.Require(size.Max >= size.Min && size.Max <= 20, $"{at}.teamSize.max",
                $"{size.Max} must be between min ({size.Min}) and 20");
        }

        switch (assignment.Kind)
        {
            case AssignmentKind.Tests or AssignmentKind.Debug:
                ValidateTests();
                break;
            case AssignmentKind.Competition:
                ValidateCompetition();
                break;
            case AssignmentKind.Written:
                problems.Require(assignment.Rubric.Count > 0, $"{at}.rubric", "a written assignment needs rubric items");
                break;
            case AssignmentKind.Project:
                ValidateProject();
                break;
        }

        ValidateRubric();
    }

    private void ValidateTimes()
    {
        var release = ReadTime(assignment.Release, "release");
        var deadline = ReadTime(assignment.Deadline, "deadline");
        if (release is { } r && deadline is { } d)
        {
            problems.Require(r < d, $"{at}.deadline", $"{assignment.Deadline} is not after the release ({assignment.Release})");
        }
    }

    private DateTimeOffset? ReadTime(string text, string field)
    {
        if (CourseTime.TryParse(text, zone, out var value))
        {
            return value;
        }

        problems.Add($"{at}.{field}", string.IsNullOrWhiteSpace(text) ? "is required" : $"{text} is not a date");
        return null;
    }

    private void ValidateLatePolicy()
    {
        var late = assignment.LatePolicy;
        problems.Require(late.PenaltyPerDay is >= 0 and <= 1, $"{at}.latePolicy.penaltyPerDay",
            $"{late.PenaltyPerDay} is not a fraction between 0 and 1");
        problems.Require(late.MaxLateDays is >= 0 and <= 60, $"{at}.latePolicy.maxLateDays",
            $"{late.MaxLateDays} is not between 0 and 60");
        problems.Require(late.GraceHours is >= 0 and <= 48, $"{at}.latePolicy.graceHours",
            $"{late.GraceHours} is not between 0 and 48");
    }

    private void ValidateRun()
    {
        problems.Require(!string.IsNullOrWhiteSpace(assignment.Image), $"{at}.image", "is required for a graded run");
        for (var i = 0; i < assignment.Images.Count; i++)
        {
            var other = assignment.Images[i];
            problems.Require(!string.IsNullOrWhiteSpace(other) && other != assignment.Image && assignment.Images.Take(i).All(o => o != other),
                $"{at}.images[{i}]", $"'{other}' is empty, the assignment's own image or listed twice");
        }

        problems.Require(assignment.Command.Count > 0, $"{at}.command", "is required for a graded run");
        if (assignment.Build is { } build)
        {
            problems.Require(!string.IsNullOrWhiteSpace(build.Image), $"{at}.build.image", "is required to build C# submissions");
            problems.Require(!string.IsNullOrWhiteSpace(build.Packages), $"{at}.build.packages",
                "is required to build C# submissions (the package folder scripts/packages.sh fills)");
        }

        ValidateLimits(assignment.Limits, $"{at}.limits");
        if (assignment.Smoke is { } smoke)
        {
            problems.Require(smoke.Command.Count > 0, $"{at}.smoke.command", "is required for a smoke run");
            ValidateLimits(smoke.Limits, $"{at}.smoke.limits");
            problems.Require(smoke.SubmitTag.Length is > 0 and <= 100 && smoke.SubmitTag.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '*'),
                $"{at}.smoke.submitTag", $"'{smoke.SubmitTag}' is not a tag pattern (letters, digits, '.', '_', '-', '/', '*'; at most 100)");
        }

        if (assignment.GpuBudget is { } budget)
        {
            problems.Require(Duration.TryParse(budget, out var hours) && hours >= TimeSpan.FromMinutes(1) && hours <= TimeSpan.FromDays(365),
                $"{at}.gpuBudget", $"'{budget}' is not a duration of GPU time between 1m and 8760h");
        }

        for (var i = 0; i < assignment.Data.Count; i++)
        {
            problems.Require(course.Datasets.Any(d => d.Name == assignment.Data[i]), $"{at}.data[{i}]",
                $"'{assignment.Data[i]}' is not one of the course's datasets");
        }
    }

    private void ValidateLimits(LimitsSpec limits, string path)
    {
        problems.Require(limits.Cpus is > 0 and <= 64, $"{path}.cpus", $"{limits.Cpus} is not between 0 and 64");
        problems.Require(ByteSize.TryParse(limits.Memory, out var memory) && memory is >= 16L << 20 and <= 256L << 30,
            $"{path}.memory", $"'{limits.Memory}' is not a size between 16m and 256g");
        problems.Require(limits.Gpus is >= 0 and <= 16, $"{path}.gpus", $"{limits.Gpus} is not between 0 and 16");
        problems.Require(Duration.TryParse(limits.Timeout, out var timeout) && timeout >= TimeSpan.FromSeconds(1)
            && timeout <= TimeSpan.FromHours(24), $"{path}.timeout", $"'{limits.Timeout}' is not a duration between 1s and 24h");
        problems.Require(limits.Pids is >= 16 and <= 65536, $"{path}.pids", $"{limits.Pids} is not between 16 and 65536");
        problems.Require(ByteSize.TryParse(limits.Tmp, out var tmp) && tmp is >= 1L << 20 and <= 64L << 30,
            $"{path}.tmp", $"'{limits.Tmp}' is not a size between 1m and 64g");
        problems.Require(ByteSize.TryParse(limits.Output, out var output) && output is >= 1L << 20 and <= 64L << 30,
            $"{path}.output", $"'{limits.Output}' is not a size between 1m and 64g");
        problems.Require(limits.OutputFiles is >= 1 and <= 100_000, $"{path}.outputFiles", $"{limits.OutputFiles} is not between 1 and 100000");
    }

    private void ValidateTests()
    {
        if (assignment.Tests is not { } tests)
        {
            problems.Add($"{at}.tests", $"a {assignment.Kind.ToString().ToLowerInvariant()} assignment needs hidden checks");
            return;
        }

        problems.Require(tests.Checks.Count > 0, $"{at}.tests.checks", "needs at least one check");
        if (tests.Inputs is { } inputs)
        {
            problems.Require(Directory.Exists(resolve(inputs)), $"{at}.tests.inputs", $"{inputs} does not exist");
        }

        foreach (var name in tests.Checks.GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"{at}.tests.checks", $"name '{name.Key}' is used {name.Count()} times");
        }

        for (var i = 0; i < tests.Checks.Count; i++)
        {
            var check = tests.Checks[i];
            problems.Require(check.Points > 0, $"{at}.tests.checks[{i}].points", $"{check.Points} must be positive");
            problems.Require(check.Tolerance >= 0, $"{at}.tests.checks[{i}].tolerance", $"{check.Tolerance} must not be negative");
            problems.Require(IsRelative(check.Output), $"{at}.tests.checks[{i}].output",
                $"'{check.Output}' must be a file name inside /out");
        }
    }

    private void ValidateCompetition()
    {
        if (assignment.Competition is not { } competition)
        {
            problems.Add($"{at}.competition", "a competition assignment needs its rules");
            return;
        }

        var path = $"{at}.competition";
        problems.Require(CompetitionMetrics.Names.Contains(competition.Metric, StringComparer.Ordinal), $"{path}.metric",
            $"'{competition.Metric}' is not a known metric ({string.Join(", ", CompetitionMetrics.Names.Order(StringComparer.Ordinal))})");
        problems.Require(File.Exists(resolve(competition.Solution)), $"{path}.solution",
            string.IsNullOrWhiteSpace(competition.Solution) ? "is required" : $"file {competition.Solution} does not exist");
        problems.Require(competition.TargetColumns.Count > 0, $"{path}.targetColumns", "needs at least one column");
        problems.Require(competition.PublicFraction is > 0 and < 1, $"{path}.publicFraction",
            $"{competition.PublicFraction} is not strictly between 0 and 1");
        problems.Require(competition.DailyLimit is >= 1 and <= 1000, $"{path}.dailyLimit",
            $"{competition.DailyLimit} is not between 1 and 1000");
        problems.Require(competition.FinalSelections is >= 1 and <= 20, $"{path}.finalSelections",
            $"{competition.FinalSelections} is not between 1 and 20");
        foreach (var rank in competition.Prizes.GroupBy(p => p.Rank).Where(g => g.Count() > 1))
        {
            problems.Add($"{path}.prizes", $"rank {rank.Key} has {rank.Count()} prizes");
        }

        for (var i = 0; i < competition.Prizes.Count; i++)
        {
            var prize = competition.Prizes[i];
            problems.Require(prize.Rank >= 1, $"{path}.prizes[{i}].rank", $"{prize.Rank} must be 1 or more");
            problems.Require(prize.Value > 0, $"{path}.prizes[{i}].value", $"{prize.Value} must be positive");
            problems.Require(!string.IsNullOrWhiteSpace(prize.Provider), $"{path}.prizes[{i}].provider", "is required");
        }
    }

    private void ValidateProject()
    {
        if (assignment.Project is not { } project)
        {
            problems.Add($"{at}.project", "a project assignment needs milestones");
            return;
        }

        problems.Require(assignment.TeamSize is not null, $"{at}.teamSize", "a project needs team size bounds");
        var total = project.Milestones.Sum(m => m.Weight);
        problems.Require(Math.Abs(total - 100) < 0.01, $"{at}.project.milestones", $"weights add up to {total:0.##}, not 100");
        problems.Require(project.ContributionCap >= 1 && double.IsFinite(project.ContributionCap), $"{at}.project.contributionCap",
            $"{project.ContributionCap} must be 1 or more (1: no member above the team's score)");
        for (var i = 0; i < project.Milestones.Count; i++)
        {
            var milestone = project.Milestones[i];
            problems.Require(CourseTime.TryParse(milestone.Due, zone, out _), $"{at}.project.milestones[{i}].due",
                $"{milestone.Due} is not a date");
            problems.Require(milestone.Weight > 0, $"{at}.project.milestones[{i}].weight", $"{milestone.Weight} must be positive");
        }
    }

    private void ValidateRubric()
    {
        foreach (var id in assignment.Rubric.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{at}.rubric", $"id '{id.Key}' is used {id.Count()} times");
        }

        for (var i = 0; i < assignment.Rubric.Count; i++)
        {
            problems.Require(assignment.Rubric[i].Points > 0, $"{at}.rubric[{i}].points",
                $"{assignment.Rubric[i].Points} must be positive");
        }
    }

    private static bool IsRelative(string output) =>
        !string.IsNullOrWhiteSpace(output) && !Path.IsPathRooted(output)
        && !output.Split('/').Any(part => part is ".." or "");
}
