namespace Course.Grader.Grading;

/// <summary>How a rescore line got its new score.</summary>
public enum RescoreKind
{
    /// <summary>On the host, from the run's kept outputs, with the current reference outputs, checks and late rule.</summary>
    Rescored,
    /// <summary>The job ran again (<c>grader jobs rerun</c>): its new result waits here.</summary>
    Rerun,
    /// <summary>The run's own inputs changed (a test input, the image): only <c>grader jobs rerun</c> can give a new score.</summary>
    NeedsRun,
}
