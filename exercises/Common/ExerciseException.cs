namespace SocketExercises.Common;

/// <summary>An error the user can fix, reported as one line without a stack trace.</summary>
public sealed class ExerciseException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
