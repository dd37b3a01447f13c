using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// One of the student's programs that <c>watch</c> grades: built, then graded by the grader as a process of its
/// own (Ctrl+C stops it and the program it started, whole), a round each time one of its files is saved.
/// </summary>
internal sealed class WatchedProgram(Exercise exercise, string folder, IReadOnlyList<string> check)
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan GradeLimit = TimeSpan.FromMinutes(4);

    // A server gets a free port of its own: one the student left running on the usual port must not be graded
    // instead. (A client is graded on a free port already.)
    private readonly string? _port = exercise.Role == ProgramRole.Server ? FreePort.On(IPAddress.Loopback).Port.ToString(CultureInfo.InvariantCulture) : null;

    private string? _restored;

    public Exercise Exercise => exercise;

    /// <summary>Its folder, as the student names it: <c>exercises/01-echo/EchoServer</c>.</summary>
    public string Folder => folder;

    /// <summary>The statuses of its checks by id after its last round that built; null before.</summary>
    public Dictionary<string, string>? Statuses { get; private set; }

    /// <summary>Whether its last round built.</summary>
    public bool Builds { get; private set; } = true;

    /// <summary>Its source files' and the shared code's names, sizes and times: what changes when one is saved.</summary>
    public string Fingerprint => WatchedFiles.Fingerprint(folder) + WatchedFiles.Fingerprint(Path.Combine(folder, "..", "..", "Common"));

    /// <summary>Builds and grades it: what to show (the report, or the compiler's errors), and what changed since the last round.</summary>
    public async Task<string> RoundAsync(CancellationToken stopping)
    {
        // Restoring packages takes half a second of each build: only at first, and after a project file changed.
        string projects = WatchedFiles.Fingerprint(folder, ".csproj");
        // Minimal verbosity: the errors, and the line "EchoServer -> …/EchoServer.dll" that says what was built.
        var build = new ProcessStartInfo("dotnet") { ArgumentList = { "build", folder, "--nologo", "-v", "m", "-clp:NoSummary" } };
        if (projects == _restored)
        {
            build.ArgumentList.Add("--no-restore");
        }
        var (built, buildOutput) = await RunAsync(build, BuildLimit, stopping);
        string? dll = buildOutput.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith($"{exercise.Name} -> ", StringComparison.Ordinal) && l.EndsWith(".dll", StringComparison.Ordinal))
            .Select(l => l[$"{exercise.Name} -> ".Length..])
            .LastOrDefault();
        Builds = built && dll is not null;
        if (!Builds)
        {
            _restored = null;
            return BuildErrors(buildOutput);
        }
        _restored = projects;
        string json = Path.Combine(Path.GetTempPath(), $"socket-watch-{Guid.NewGuid():N}.json");
        try
        {
            var grade = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
            if (Path.GetFileNameWithoutExtension(grade.FileName) == "dotnet")
            {
                grade.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }
            foreach (string argument in (string[])[.. check, .. Program(dll!), "--json", json])
            {
                grade.ArgumentList.Add(argument);
            }
            var (_, report) = await RunAsync(grade, GradeLimit, stopping);
            var before = Statuses;
            Statuses = File.Exists(json) ? ReadStatuses(await File.ReadAllTextAsync(json, stopping)) : null;
            return before is null || Statuses is null ? report : report + Environment.NewLine + Changes(before, Statuses) + Environment.NewLine;
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Its line in the table of every program: how many checks pass, and the first to fix.</summary>
    public string Summary()
    {
        if (!Builds)
        {
            return Strings.WatchSummaryNotBuilt;
        }
        if (Statuses is null)
        {
            return Strings.WatchSummaryNotGraded;
        }
        int passed = Statuses.Count(s => s.Value == "passed");
        return Statuses.FirstOrDefault(s => s.Value is "failed" or "error").Key is { } next
            ? Strings.FormatWatchSummaryNext(passed, Statuses.Count, next)
            : Strings.FormatWatchSummaryPassed(passed, Statuses.Count);
    }

    // The program as built: each round builds it once, and a "dotnet run" would check the build again at every
    // start (a client is run once per check).
    private string[] Program(string dll) => exercise.Role == ProgramRole.Server
        ? ["--start", $"dotnet {ShellCommand.Quote(dll)}", "--port", _port!]
        : ["--client", $"dotnet {ShellCommand.Quote(dll)} --port {{port}}"];

    private static string BuildErrors(string buildOutput)
    {
        var shown = new StringBuilder().AppendLine(Strings.WatchBuildFailed);
        string root = Path.GetFullPath(Environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (string line in buildOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().Take(10))
        {
            // "/home/…/Program.cs(98,10): error CS1513: } expected [/home/…/EchoServer.csproj]" → "exercises/…/Program.cs(98,10): error CS1513: } expected"
            string relative = line.Replace(root, "", StringComparison.Ordinal);
            int project = relative.LastIndexOf(" [", StringComparison.Ordinal);
            shown.AppendLine("  " + (project > 0 && relative.EndsWith(".csproj]", StringComparison.Ordinal) ? relative[..project] : relative));
        }
        return shown.ToString();
    }

    private static async Task<(bool Succeeded, string Output)> RunAsync(ProcessStartInfo start, TimeSpan limit, CancellationToken stopping)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        await using var process = RunningProcess.Start(start);
        bool finished = await process.WaitForExitAsync(limit, stopping);
        return (finished && process.ExitCode == 0, process.Output + process.Errors);
    }

    private static Dictionary<string, string> ReadStatuses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString()!);
    }

    private static string Changes(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var passing = after.Where(c => c.Value == "passed" && before.GetValueOrDefault(c.Key) != "passed").Select(c => c.Key).ToList();
        var failing = after.Where(c => c.Value == "failed" && before.GetValueOrDefault(c.Key) != "failed").Select(c => c.Key).ToList();
        return passing.Count + failing.Count == 0
            ? Strings.WatchNoChange
            : string.Join("; ", new[] { (passing, Strings.WatchNewlyPassing), (failing, Strings.WatchNewlyFailing) }
                .Where(x => x.Item1.Count > 0).Select(x => $"{x.Item2} {string.Join(", ", x.Item1)}"));
    }
}

/// <summary>Which files <c>watch</c> looks at, and what it compares to see that one was saved.</summary>
internal static class WatchedFiles
{
    /// <summary>Each source file's name, size and time of last write under <paramref name="folder"/>; empty where there is none.</summary>
    public static string Fingerprint(string folder, string? extension = null) => !Directory.Exists(folder) ? "" : string.Join('\n', Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => IsSource(f) && (extension is null || f.EndsWith(extension, StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .Select(f => new FileInfo(f))
        .Select(f => $"{f.FullName} {f.Length} {f.LastWriteTimeUtc.Ticks}"));

    public static bool IsSource(string path) =>
        !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")
        && Path.GetExtension(path) is ".cs" or ".csproj" or ".py" or ".json";
}
