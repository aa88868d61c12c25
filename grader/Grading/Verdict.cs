namespace Course.Grader.Grading;

/// <summary>How a grading run ended, from the student's point of view.</summary>
public enum Verdict
{
    /// <summary>Ran and was scored (the score may still be zero).</summary>
    Graded,
    NonZeroExit,
    TimedOut,
    OutOfMemory,
    RejectedOutput,
    InvalidOutput,
    MissingOutput,
    /// <summary>The infrastructure failed on every attempt; never counted against the student.</summary>
    InfrastructureFailure,
    /// <summary>Stopped for keeping its process limit full (a fork bomb), before its time limit.</summary>
    ProcessLimit,
    /// <summary>Stopped for writing more to /out than the output limits allow (bytes or files).</summary>
    OutputLimit,
    /// <summary>A C# submission that did not build in the sandbox; counts as the student's attempt.</summary>
    BuildError,
}
