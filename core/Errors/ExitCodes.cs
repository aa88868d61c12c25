namespace Course.Core.Errors;

/// <summary>The exit codes of the command-line contract.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
