namespace Course.Assignments.Model;

/// <summary>Kaggle-style rules of a competition assignment.</summary>
public sealed record CompetitionSpec
{
    /// <summary>One of <see cref="CompetitionMetrics.Names"/>.</summary>
    public string Metric { get; init; } = CompetitionMetrics.Accuracy;

    /// <summary>Hidden labels (relative to course.json): never mounted into a container.</summary>
    public string Solution { get; init; } = "";

    public string IdColumn { get; init; } = "id";

    public IReadOnlyList<string> TargetColumns { get; init; } = ["label"];

    /// <summary>Share of test rows on the public board, when the solution has no Usage column.</summary>
    public double PublicFraction { get; init; } = 0.3;

    public int SplitSeed { get; init; } = 1;

    /// <summary>Submissions per team per day, counted in the course's time zone.</summary>
    public int DailyLimit { get; init; } = 5;

    public int FinalSelections { get; init; } = 2;

    /// <summary>Score the reference is expected to reach; calibration flags a miss.</summary>
    public double? Target { get; init; }

    public IReadOnlyList<PrizeSpec> Prizes { get; init; } = [];
}

/// <summary>Credit awarded to every member of the team at <see cref="Rank"/> on the private board.</summary>
public sealed record PrizeSpec(int Rank, string Provider, double Value);
