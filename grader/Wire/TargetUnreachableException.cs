namespace SocketExercises.Grader.Wire;

/// <summary>
/// The program under test could not be reached at all: a server that refuses connections, a client that
/// never connects. The runner reports it once, on the check that met it, and skips the checks after it.
/// </summary>
public class TargetUnreachableException(string message) : Exception(message);
