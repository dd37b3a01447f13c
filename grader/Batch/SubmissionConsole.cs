using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// One submission on the console, as <c>grade</c> shows it to the student: a line per program with its score
/// and what failed, the total, and the one thing to fix next, with the command that grades just that check.
/// </summary>
public sealed class SubmissionConsole(IReadOnlyList<Exercise> exercises)
{
    /// <param name="ownKit">The student's own kit was graded: <c>check</c> then grades the same program again.</param>
    public void Write(SubmissionResult result, TextWriter output, bool ownKit)
    {
        int width = exercises.Max(e => e.Key.Length);
        foreach (var exercise in exercises)
        {
            var report = result.Reports.FirstOrDefault(r => r.Exercise == exercise.Key);
            string score = report is null ? $"0/{result.MaxScoreOf(exercise.Key)}" : $"{report.Score}/{report.MaxScore}";
            output.WriteLine($"  {exercise.Key.PadRight(width)}  {score,7}  {State(report, result.Problems.FirstOrDefault(p => p.Exercise == exercise.Key))}");
        }
        output.WriteLine($"  {Strings.BatchTotal.PadRight(width)}  {$"{result.Score}/{result.MaxScore}",7}");
        output.WriteLine();

        if (NextToFix(result) is not { } next)
        {
            output.WriteLine(result.Score == result.MaxScore ? Strings.GradeAllPassed : Strings.GradeNothingToFix);
            return;
        }
        output.WriteLine(Strings.FormatGradeNextToFix(next.Exercise, next.Check.Info.Id, next.Check.Info.Title));
        foreach (string line in FailureDetails.Explanation(next.Check))
        {
            output.WriteLine("  " + line);
        }
        if (ownKit)
        {
            output.WriteLine(Strings.FormatGradeOnlyThis($"dotnet run --project grader -- check {next.Exercise} --only {next.Check.Info.Id}"));
        }
    }

    private static string State(GradeReport? report, ProgramProblem? problem) => report switch
    {
        null => Strings.FormatGradeNotGraded(problem?.Message ?? ""),
        { Errors: > 0 } => Strings.FormatGradeNotJudged(FailureDetails.FirstLine(report.Results.First(r => r.Status == CheckStatus.Error).Message)),
        { Failed: 0 } => Strings.GradePasses,
        _ => Strings.FormatGradeFailed(report.Failed, string.Join(", ", report.Results.Where(r => r.Status == CheckStatus.Failed).Select(r => r.Info.Id))),
    };

    // The first failed check in the kit's order: exercises build on each other, and a program's first failure
    // often explains the rest of its failures.
    private (string Exercise, CheckResult Check)? NextToFix(SubmissionResult result) => exercises
        .Select(e => result.Reports.FirstOrDefault(r => r.Exercise == e.Key))
        .OfType<GradeReport>()
        .SelectMany(r => r.Results.Where(c => c.Status == CheckStatus.Failed).Select(c => (r.Exercise, c)))
        .Select(x => ((string, CheckResult)?)x)
        .FirstOrDefault();
}
