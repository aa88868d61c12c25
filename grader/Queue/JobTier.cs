namespace Course.Grader.Queue;

/// <summary>
/// Which run of a submission a job is. <see cref="Smoke"/>: the assignment's quick check on every push, never a
/// grade; <see cref="Full"/>: the graded run (every push without a smoke section, else only a submitted commit).
/// </summary>
public enum JobTier
{
    Full,
    Smoke,
}
