namespace Course.Grader.Grading;

/// <summary>Where a rescore line stands: waiting for staff, published into the results, or thrown away.</summary>
public enum RescoreState
{
    Draft,
    Published,
    Discarded,
}
