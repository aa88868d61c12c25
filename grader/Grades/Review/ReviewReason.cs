namespace Course.Grader.Grades.Review;

/// <summary>Why an entry needs a person: its <see cref="Kind"/> and the detail a TA reads first.</summary>
/// <param name="Kind">training, verdict, infrastructure, regrade or outlier.</param>
public sealed record ReviewReason(string Kind, string Detail)
{
    public const string Training = "training";
    public const string Verdict = "verdict";
    public const string Infrastructure = "infrastructure";
    public const string Regrade = "regrade";
    public const string Outlier = "outlier";

    public override string ToString() => $"{Kind}: {Detail}";
}
