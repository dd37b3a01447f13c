using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketExercises.Analyzer;
using SocketExercises.Grader.Building;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.CodeReview;

/// <summary>
/// Runs the kit's security analyzer on a C# program's code, as its build would, without building it: the project's
/// files, compiled against the libraries a build uses and the kit's Common (so that <c>options.Password</c> is
/// known). Nothing of the program runs, and its project file cannot switch a rule off, so a submission is reviewed
/// the same way wherever it is graded.
/// </summary>
public sealed class CodeReviewer
{
    // A program of an exercise is a few hundred lines; what is far more is not a student's code to review.
    private const int MaxSourceChars = 2_000_000;

    /// <summary>Reviews the C# (or else Python) program in <paramref name="folder"/>; says why not when there is none.</summary>
    public async Task<CodeReviewResult> ReviewAsync(string? folder, CancellationToken cancellationToken)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return CodeReviewResult.Unavailable(Strings.CodeReviewNoSource);
        }
        try
        {
            var files = SourcesOf(folder, "*.cs");
            // A Python program, the course's language, is read for the rule that bears points alone.
            var python = files.Count == 0 ? SourcesOf(folder, "*.py") : [];
            if (files.Count == 0 && python.Count == 0)
            {
                return CodeReviewResult.Unavailable(Strings.CodeReviewNoCode);
            }
            if (files.Sum(f => (long)f.Text.Length) > MaxSourceChars)
            {
                return CodeReviewResult.Failed(Strings.FormatCodeReviewTooLarge(MaxSourceChars));
            }
            var findings = files.Count > 0 ? await ReviewAsync(files, cancellationToken) : PythonReviewer.Review(python);
            return new CodeReviewResult([.. findings.Select(f => f with { File = Shown(Path.Combine(folder, f.File)) })]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CodeReviewResult.Failed(Strings.FormatCodeReviewFailed(e.Message));
        }
    }

    /// <summary>The findings in a program's files.</summary>
    /// <param name="files">The program's files: the path a finding names, and the text.</param>
    public static async Task<IReadOnlyList<CodeFinding>> ReviewAsync(IReadOnlyList<(string Path, string Text)> files, CancellationToken cancellationToken)
    {
        var compilation = KitCompilation.Create("Reviewed", files, cancellationToken);
        var ownPaths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var diagnostics = await compilation
            // A #pragma that switches a rule off is reported all the same: it quiets the student's build, not the grading.
            .WithAnalyzers(SecurityAnalyzers.All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);
        return
        [
            .. diagnostics
                .Where(d => d.Location.IsInSource && ownPaths.Contains(d.Location.SourceTree!.FilePath))
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                .Select(d => new CodeFinding(
                    d.Id, d.Location.SourceTree!.FilePath, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage(CultureInfo.CurrentUICulture))),
        ];
    }

    // A path as the student would type it from here, or whole where it is elsewhere (a submission in a batch).
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }

    // The program's files of one language, named relative to its folder; what a build leaves in bin/ and obj/, and
    // what a Python environment or cache holds, is not its code.
    private static List<(string Path, string Text)> SourcesOf(string folder, string pattern) =>
    [
        .. Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "__pycache__" or ".venv" or "venv" or "node_modules" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f))),
    ];
}
