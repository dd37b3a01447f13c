using System.Diagnostics;
using System.Text.RegularExpressions;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// Builds one program of a submission into a folder of its own, so that what is graded is exactly what was
/// built and nothing of the submission's own bin/ is trusted. A build that fails says why in one line.
/// </summary>
public sealed partial class SubmissionBuilder
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Builds the program of <paramref name="exercise"/> in the submission <paramref name="submission"/> into <paramref name="output"/>;
    /// a program written in Python instead (a script in the project's folder, and no project) needs no build.
    /// </summary>
    /// <returns>The program, ready to run, or the reason it could not be built.</returns>
    public async Task<(BuiltProgram? Program, string? Problem)> BuildAsync(string submission, Exercise exercise, string output, CancellationToken cancellationToken)
    {
        string relative = ProjectOf(exercise);
        string project = Path.Combine(submission, relative);
        if (!Directory.Exists(project))
        {
            return (null, Strings.FormatBatchNoProject(relative));
        }
        if (PythonScript(project, exercise) is { } script)
        {
            return (new BuiltProgram(project, script, ProgramLanguage.Python), null);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", project, "--nologo", "-v", "q", "-clp:NoSummary", "-o", output },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        await using var build = RunningProcess.Start(start);
        if (!await build.WaitForExitAsync(BuildLimit, cancellationToken))
        {
            return (null, Strings.FormatBatchBuildTimedOut(relative, Durations.Format(BuildLimit)));
        }
        if (build.ExitCode != 0)
        {
            return (null, Strings.FormatBatchBuildFailed(relative, FirstError(build.Output + "\n" + build.Errors, submission)));
        }
        string dll = Path.Combine(output, exercise.Name + ".dll");
        return File.Exists(dll)
            ? (new BuiltProgram(output, exercise.Name + ".dll", ProgramLanguage.CSharp), null)
            : (null, Strings.FormatBatchBuildFailed(relative, Strings.FormatBatchNoAssembly(exercise.Name + ".dll")));
    }

    /// <summary>Where a submission keeps the exercise's program: in <c>exercises/</c>, as the kit does.</summary>
    public static string ProjectOf(Exercise exercise) => "exercises/" + exercise.Project;

    // A folder with no C# project and a script named for its role (server.py, client.py) or main.py holds a
    // Python program, as the course writes them.
    private static string? PythonScript(string project, Exercise exercise)
    {
        if (Directory.EnumerateFiles(project, "*.csproj").Any())
        {
            return null;
        }
        return new[] { exercise.Role == ProgramRole.Server ? "server.py" : "client.py", "main.py" }.FirstOrDefault(name => File.Exists(Path.Combine(project, name)));
    }

    // "…/Program.cs(12,5): error CS1002: ; expected [/…/Server.csproj]" → "Program.cs(12,5): error CS1002: ; expected"
    private static string FirstError(string output, string submission)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => ErrorLine().IsMatch(l))
            ?? output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
        line = ProjectSuffix().Replace(line, "");
        string root = Path.GetFullPath(submission).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return line.Replace(root, "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\berror\b")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]+\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
