using System.Text;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// One student's grading as Markdown, in the chosen language, for the teacher to send back (<c>grade-all</c>
/// writes <c>&lt;student&gt;.md</c> beside the class's table): the score of each program, then for each program its
/// checks, and under each failed one its message, the requirement, the hint and the end of its transcript.
/// </summary>
public sealed class StudentReport(IReadOnlyList<Exercise> exercises)
{
    public string Render(SubmissionResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {result.Student}: {result.Score}/{result.MaxScore}");
        text.AppendLine();
        if (result.Commit is { } commit)
        {
            text.AppendLine(Strings.FormatStudentReportCommit(commit));
            text.AppendLine();
        }
        text.AppendLine($"| {Strings.StudentReportProgram} | {Strings.MarkdownPoints} |");
        text.AppendLine("|---|---|");
        foreach (var exercise in exercises)
        {
            string points = result.Reports.FirstOrDefault(r => r.Exercise == exercise.Key) is { } report
                ? $"{report.Score}/{report.MaxScore}"
                : $"0/{result.MaxScoreOf(exercise.Key)}: {result.Problems.FirstOrDefault(p => p.Exercise == exercise.Key)?.Message}";
            text.AppendLine($"| {exercise.Key} | {points.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        foreach (var problem in result.Problems.Where(p => p.Exercise.Length == 0))
        {
            text.AppendLine();
            text.AppendLine($"> {problem.Message}");
        }
        var github = new GitHubReport();
        foreach (var report in exercises.Select(e => result.Reports.FirstOrDefault(r => r.Exercise == e.Key)).OfType<Checks.GradeReport>())
        {
            text.AppendLine();
            text.Append(github.Summary(report));
        }
        return text.ToString();
    }
}
