namespace Course.Grader.Grading;

/// <summary>How a run that was stopped reads after its exit code, in calibration output and feedback.</summary>
internal static class RunEndText
{
    public static string Suffix(bool timedOut, bool processLimitHit, bool outputLimitHit, bool oomKilled) =>
        (timedOut ? ", timed out" : "") + (processLimitHit ? ", stopped at the process limit" : "")
        + (outputLimitHit ? ", stopped at the output limit" : "") + (oomKilled ? ", out of memory" : "");
}
