using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SocketExercises.Grader.Building;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// Builds a submission's programs into a folder of the grader's, so that what is graded is exactly what was built
/// and nothing of the submission's own bin/ or obj/ is trusted or touched. A C# program whose build is the kit's
/// (<see cref="KitBuild"/>: the project file and everything around it as the kit has them) is compiled in the
/// grader's own process (<see cref="ProgramCompiler"/>), in a fraction of a second; the others are built in one
/// <c>dotnet build</c> (a solution of them, with the artifacts layout: a folder per project, exercises/Common
/// built once). A program that fails to build says why in one line, and the others are still built.
/// </summary>
/// <param name="kit">The kit whose builds the grader can do itself; null to build every program with <c>dotnet build</c>.</param>
public sealed partial class SubmissionBuilder(KitBuild? kit)
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);

    // More than a program of an exercise ever is: such a program is left to dotnet build, under its time limit.
    private const long MaxSourceBytes = 2_000_000;

    /// <summary>
    /// Builds the program of each of <paramref name="exercises"/> in the submission <paramref name="submission"/>
    /// under <paramref name="work"/>; a program written in Python instead (a script in the project's folder, and
    /// no project) needs no build.
    /// </summary>
    /// <param name="runAs">The user to build as (<c>--run-as</c>): a project file can run commands while it builds.</param>
    /// <returns>For each exercise, in order: the program, ready to run, or the reason it could not be built.</returns>
    public async Task<IReadOnlyList<(BuiltProgram? Program, string? Problem)>> BuildAsync(
        string submission, IReadOnlyList<Exercise> exercises, string work, CancellationToken cancellationToken, string? runAs = null)
    {
        var outcomes = new (BuiltProgram? Program, string? Problem)[exercises.Count];
        var projects = new List<(int Index, string File)>();
        bool kitSurroundings = kit is not null && kit.SameSurroundings(submission);
        for (int i = 0; i < exercises.Count; i++)
        {
            string relative = ProjectOf(exercises[i]);
            string folder = Path.Combine(submission, relative);
            if (!Directory.Exists(folder))
            {
                outcomes[i] = (null, Strings.FormatBatchNoProject(relative));
            }
            else if (PythonScript(folder, exercises[i]) is { } script)
            {
                outcomes[i] = (new BuiltProgram(folder, script, ProgramLanguage.Python) { Source = folder }, null);
            }
            else if (kitSurroundings && kit!.SameProject(submission, relative) && SourceBytes(folder) <= MaxSourceBytes)
            {
                outcomes[i] = await CompileAsync(submission, relative, exercises[i].Name, Path.Combine(work, "compiled", exercises[i].Name), cancellationToken);
            }
            else if (Directory.GetFiles(folder, "*.csproj") is [var project])
            {
                projects.Add((i, Path.GetFullPath(project)));
            }
            else
            {
                outcomes[i] = (null, Strings.FormatBatchBuildFailed(relative, Strings.BatchNotOneProject));
            }
        }
        if (projects.Count == 0)
        {
            return outcomes;
        }

        Directory.CreateDirectory(work);
        string solution = Path.Combine(work, "submission.slnx");
        await File.WriteAllTextAsync(solution, Solution(projects.Select(p => p.File)), cancellationToken);
        string artifacts = Path.Combine(work, "artifacts");
        bool asAnother = runAs is not null && OperatingSystem.IsLinux(); // RunAs allows it on Linux alone
        var start = new ProcessStartInfo(asAnother ? "setpriv" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asAnother && OperatingSystem.IsLinux())
        {
            // The build writes only under work/, which that user may write to, and keeps its caches there too.
            foreach (string argument in (string[])[$"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", "dotnet"])
            {
                start.ArgumentList.Add(argument);
            }
            string home = Path.Combine(work, "home");
            Directory.CreateDirectory(home);
            foreach (string folder in (string[])[work, home])
            {
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111); // 0777
            }
            start.Environment["HOME"] = home;
        }
        foreach (string argument in (string[])["build", solution, "--nologo", "-v", "q", "-clp:NoSummary", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={artifacts}", "-p:SocketExercisesAnalyzer=false"])
        {
            start.ArgumentList.Add(argument);
        }
        await using var build = RunningProcess.Start(start);
        bool finished = await build.WaitForExitAsync(BuildLimit, cancellationToken);
        string output = build.Output + "\n" + build.Errors;
        foreach (var (index, file) in projects)
        {
            string relative = ProjectOf(exercises[index]);
            string name = exercises[index].Name;
            string folder = Path.Combine(artifacts, "bin", Path.GetFileNameWithoutExtension(file), "debug");
            outcomes[index] = !finished
                ? (null, Strings.FormatBatchBuildTimedOut(relative, Durations.Format(BuildLimit)))
                : ErrorOf(output, file, submission) is { } error
                    ? (null, Strings.FormatBatchBuildFailed(relative, error))
                    : File.Exists(Path.Combine(folder, name + ".dll"))
                        ? (new BuiltProgram(folder, name + ".dll", ProgramLanguage.CSharp) { Source = Path.GetDirectoryName(file) }, null)
                        : (null, Strings.FormatBatchBuildFailed(relative, build.ExitCode == 0
                            ? Strings.FormatBatchNoAssembly(name + ".dll")
                            : FirstError(output, submission)));
        }
        return outcomes;
    }

    // In the grader's process: only compiling, which runs nothing of the program, so also for --run-as.
    private static async Task<(BuiltProgram? Program, string? Problem)> CompileAsync(
        string submission, string relative, string name, string output, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(submission, relative);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(BuildLimit);
        try
        {
            string? error = await Task.Run(() => ProgramCompiler.Compile(folder, name, output, limit.Token), limit.Token);
            return error is null
                ? (new BuiltProgram(output, name + ".dll", ProgramLanguage.CSharp) { Source = folder }, null)
                : (null, Strings.FormatBatchBuildFailed(relative, Shortened(error, submission)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Strings.FormatBatchBuildTimedOut(relative, Durations.Format(BuildLimit)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Strings.FormatBatchBuildFailed(relative, e.Message)); // a file it could not read, or write
        }
    }

    private static long SourceBytes(string folder) => KitBuild.BuildFiles(folder, "*.cs").Sum(f => new FileInfo(f).Length);

    // A solution of the given projects, in the XML form (.slnx), which takes their full paths as they are.
    private static string Solution(IEnumerable<string> projects) =>
        new XElement("Solution", projects.Select(p => new XElement("Project", new XAttribute("Path", p)))).ToString();

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

    // The first error the build reported for the project <paramref name="file"/>, or null when it reported none.
    private static string? ErrorOf(string output, string file, string submission)
    {
        string suffix = $"[{file}]";
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => ErrorLine().IsMatch(l) && l.EndsWith(suffix, StringComparison.Ordinal));
        return line is null ? null : Shortened(line, submission);
    }

    // "…/Program.cs(12,5): error CS1002: ; expected [/…/Server.csproj]" → "Program.cs(12,5): error CS1002: ; expected"
    private static string FirstError(string output, string submission)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => ErrorLine().IsMatch(l))
            ?? output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
        return Shortened(line, submission);
    }

    private static string Shortened(string line, string submission)
    {
        line = ProjectSuffix().Replace(line, "");
        string root = Path.GetFullPath(submission).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return line.Replace(root, "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\berror\b")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]+\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
