namespace SocketExercises.Grader.Running;

/// <summary>
/// The grader could not do its own part (start a shell, start a container from its image): nothing the
/// program under test did or failed to do. The checks it keeps from running are reported as errors, not
/// failures, so a student is never marked down for the grader's trouble.
/// </summary>
public class GraderEnvironmentException(string message) : Exception(message);
