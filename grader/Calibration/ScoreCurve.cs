namespace Course.Grader.Calibration;

/// <summary>
/// The proposed mapping from score to points: <see cref="Zero"/> (the baseline's score) gives 0 points,
/// <see cref="Full"/> (the reference's) gives <see cref="Points"/>, linear in between and clamped.
/// </summary>
public sealed record ScoreCurve(double Zero, double Full, double Points)
{
    public double PointsFor(double score) =>
        Full == Zero ? (score >= Full ? Points : 0) : Points * Math.Clamp((score - Zero) / (Full - Zero), 0, 1);
}
