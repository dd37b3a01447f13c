namespace SocketExercises.Common;

/// <summary>The exit codes every exercise program uses, so scripts and the grader can tell outcomes apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A network error, a timeout, or a server that broke the protocol.</summary>
    public const int Failure = 1;

    /// <summary>A wrong flag or value on the command line.</summary>
    public const int Usage = 2;

    /// <summary>A starter whose TODOs are not done yet.</summary>
    public const int TodoNotDone = 3;
}
