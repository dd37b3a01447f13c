using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Grading;

namespace SocketExercises.Grader.Exercises;

/// <summary>Grades a program of any exercise: what the command line, <c>grade-all</c> and the tests call.</summary>
public sealed class ExerciseGrader(ServerGrader servers, ClientGrader clients)
{
    /// <summary>Grades servers: connects to them, or starts them first.</summary>
    public ServerGrader Servers => servers;

    /// <summary>Grades clients: plays their server and runs them.</summary>
    public ClientGrader Clients => clients;

    /// <inheritdoc cref="Exercise.GradeAsync"/>
    public Task<GradeReport> GradeAsync(Exercise exercise, ProgramUnderTest program, ExerciseArguments arguments, CancellationToken cancellationToken) =>
        exercise.GradeAsync(this, program, arguments, cancellationToken);
}
