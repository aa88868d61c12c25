namespace Course.Core.Errors;

/// <summary>The exit codes of the command-line contract.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>The work waits for the course's own set-up (an uncalibrated assignment, an image that cannot be built).</summary>
    public const int Blocked = 3;
}
