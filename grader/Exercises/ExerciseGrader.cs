using SocketExercises.Grader.Checks;
using SocketExercises.Grader.CodeReview;
using SocketExercises.Grader.Grading;

namespace SocketExercises.Grader.Exercises;

/// <summary>Grades a program of any exercise: what the command line, <c>grade-all</c> and the tests call.</summary>
public sealed class ExerciseGrader(ServerGrader servers, ClientGrader clients, GradingOptions options, TimeProvider time)
{
    /// <summary>Grades servers: connects to them, or starts them first.</summary>
    public ServerGrader Servers => servers;

    /// <summary>Grades clients: plays their server and runs them.</summary>
    public ClientGrader Clients => clients;

    /// <inheritdoc cref="Exercise.GradeAsync"/>
    public Task<GradeReport> GradeAsync(Exercise exercise, ProgramUnderTest program, ExerciseArguments arguments, CancellationToken cancellationToken) =>
        exercise.GradeAsync(this, program, arguments, cancellationToken);

    /// <summary>
    /// <paramref name="grade"/>'s report, with what the review of <paramref name="program"/>'s code found, which runs
    /// after it: <paramref name="checks"/> as results, other findings as a note.
    /// </summary>
    public Task<GradeReport> WithCodeReviewAsync(
        Func<Task<GradeReport>> grade, ProgramUnderTest program, IReadOnlyList<CodeCheck> checks, ExerciseArguments arguments, CancellationToken cancellationToken) =>
        CodeReviews.GradeAsync(grade, program, checks, arguments, options, time, cancellationToken);
}
