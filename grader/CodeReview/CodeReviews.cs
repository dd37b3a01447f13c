using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.CodeReview;

/// <summary>
/// A grading's review of the program's code, added to its report: the exercise's code checks as results, every
/// other finding as a note. It runs once the checks on the wire are done, never beside them: compiling takes a core
/// for a second or two, and a server starved of processor time while a check times it would fail for the grader's
/// doing.
/// </summary>
public static class CodeReviews
{
    /// <summary>The longest a review may take; past it the code checks are not judged (the grader's trouble, not the program's).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Grades with <paramref name="grade"/>, then reviews <paramref name="program"/>'s code and adds what it found to the report.</summary>
    public static async Task<GradeReport> GradeAsync(
        Func<Task<GradeReport>> grade, ProgramUnderTest program, IReadOnlyList<CodeCheck> checks, ExerciseArguments arguments,
        GradingOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var report = await grade();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        var review = Task.Run(async () =>
        {
            long started = time.GetTimestamp();
            var result = await new CodeReviewer().ReviewAsync(program.SourceFolder, limit.Token);
            return (Result: result, Took: time.GetElapsedTime(started));
        }, limit.Token);
        CodeReviewResult reviewed;
        TimeSpan took;
        try
        {
            (reviewed, took) = await review;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            (reviewed, took) = (CodeReviewResult.Failed(Strings.FormatCodeReviewTimedOut(Durations.Format(TimeLimit))), TimeLimit);
        }
        var selected = checks.Where(c => arguments.Only?.Selects(c.Info.Id) ?? true).ToList();
        var results = selected.Select(c => c.Judge(reviewed, took, report.Results) with { Points = options.Points.For(c.Info.Id) }).ToList();
        var scored = selected.Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);
        var others = reviewed.Findings.Where(f => !scored.Contains(f.Rule)).ToList();
        var notes = others.Count == 0 ? report.Notes : [.. report.Notes, Strings.FormatNoteCodeFindings(string.Join("\n", others))];
        if (reviewed.GraderTrouble && results.Count == 0)
        {
            notes = [.. notes, reviewed.NotReviewed!];
        }
        return report with { Results = [.. report.Results, .. results], Notes = notes };
    }
}
