namespace Course.Assignments.Model;

/// <summary>
/// The metric names a competition may name in course.json: the one list that course.json validation, the
/// leaderboard's scorer and course.schema.json (checked by a test) all follow.
/// </summary>
public static class CompetitionMetrics
{
    public const string Accuracy = "accuracy";
    public const string MacroF1 = "macro-f1";
    public const string LogLoss = "log-loss";
    public const string RocAuc = "roc-auc";
    public const string Rmse = "rmse";
    public const string Rmsle = "rmsle";
    public const string Mae = "mae";

    public static IReadOnlyList<string> Names { get; } = [Accuracy, MacroF1, LogLoss, RocAuc, Rmse, Rmsle, Mae];
}
