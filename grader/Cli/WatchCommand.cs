using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using SocketExercises.Common;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>watch &lt;program&gt;</c>: the student's loop without the typing. Builds and grades the student's own program of
/// the kit, then again each time one of its files is saved: the screen shows the new report and which checks
/// pass or fail that did not before. A build error is shown as such, not graded. Ctrl+C stops it, and with it
/// everything it started.
/// </summary>
internal static class WatchCommand
{
    // A save is often several writes (an editor's temporary file, then a rename): grade once they settle.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);

    // The file system's events wake it at once where they work; some copies and file systems send none, so the
    // files' sizes and times are looked at this often as well.
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan GradeLimit = TimeSpan.FromMinutes(4);

    public static Command Build(IReadOnlyList<Exercise> exercises)
    {
        var program = new Argument<string>("program") { Description = Strings.HelpWatchProgram };
        program.AcceptOnlyFromAmong([.. exercises.Select(e => e.Key)]);
        var only = new Option<string[]>("--only") { Description = Strings.HelpOnly, HelpName = "check" };
        var lang = new Option<string?>("--lang") { Description = Strings.HelpLang };
        lang.AcceptOnlyFromAmong([.. Language.Supported]);
        var command = new Command("watch", GraderCommandLine.Help(Strings.HelpWatch, Strings.HelpExamples, """
              dotnet run --project grader -- watch echo-server
              dotnet run --project grader -- watch auth-server --only 'auth.login-*'
            """))
        {
            program, only, lang,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            Language.Use(culture);
            var exercise = exercises.First(e => e.Key == parsed.GetRequiredValue(program));
            if (KitProject.Find(exercise.Project) is not { } own)
            {
                await Console.Error.WriteLineAsync(Strings.FormatCouldNotGrade(Strings.FormatWatchNoProject(exercise.Project)));
                return ExitCodes.Usage;
            }
            // A server gets a free port of its own: one the student left running on the usual port must not be
            // graded instead. (A client is graded on a free port already.)
            string port = FreePort.On(System.Net.IPAddress.Loopback).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string[] check = ["check", exercise.Key, .. (parsed.GetValue(only) ?? []).SelectMany(o => (string[])["--only", o]), "--lang", culture.Name];
            // The program as built: each round builds it once, and a "dotnet run" would check the build again at
            // every start (a client is run once per check).
            string[] Program(string dll) => exercise.Role == ProgramRole.Server
                ? ["--start", $"dotnet {ShellCommand.Quote(dll)}", "--port", port]
                : ["--client", $"dotnet {ShellCommand.Quote(dll)} --port {{port}}"];
            using var signals = new ShutdownSignals(cancellationToken);
            await WatchAsync(own.Folder, exercise.Name, dll => [.. check, .. Program(dll)], signals.Token);
            return GraderCommandLine.Interrupted;
        });
        return command;
    }

    private static async Task WatchAsync(string folder, string name, Func<string, string[]> check, CancellationToken stopping)
    {
        using var saved = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler changed = (_, e) =>
        {
            if (IsSource(e.FullPath))
            {
                saved.Release();
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, e) => changed(watcher, e);

        Dictionary<string, string>? before = null;
        string? restored = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                string graded = Fingerprint(folder);
                // Restoring packages takes half a second of each build: only at first, and after a project file changed.
                string projects = Fingerprint(folder, ".csproj");
                Clear();
                Console.WriteLine(Strings.FormatWatchWatching(folder));
                Console.WriteLine();
                var after = await RoundAsync(folder, name, check, restore: projects != restored, stopping);
                restored = after is null ? null : projects;
                if (before is not null && after is not null)
                {
                    WriteChanges(before, after);
                }
                before = after ?? before;

                // Wait for a save, then for the writes of that save to settle.
                while (!await saved.WaitAsync(Look, stopping) && Fingerprint(folder) == graded)
                {
                }
                while (await saved.WaitAsync(Settle, stopping))
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: what ran was stopped with its process tree.
        }
    }

    // One build and grading: the check's statuses by id, or null when it did not build.
    private static async Task<Dictionary<string, string>?> RoundAsync(
        string folder, string name, Func<string, string[]> check, bool restore, CancellationToken stopping)
    {
        // Minimal verbosity: the errors, and the line "EchoServer -> …/EchoServer.dll" that says what was built.
        var build = new ProcessStartInfo("dotnet") { ArgumentList = { "build", folder, "--nologo", "-v", "m", "-clp:NoSummary" } };
        if (!restore)
        {
            build.ArgumentList.Add("--no-restore");
        }
        var (built, buildOutput) = await RunAsync(build, BuildLimit, stopping);
        string? dll = buildOutput.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith($"{name} -> ", StringComparison.Ordinal) && l.EndsWith(".dll", StringComparison.Ordinal))
            .Select(l => l[$"{name} -> ".Length..])
            .LastOrDefault();
        if (!built || dll is null)
        {
            Console.WriteLine(Strings.WatchBuildFailed);
            string root = Path.GetFullPath(Environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (string line in buildOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().Take(10))
            {
                // "/home/…/Program.cs(98,10): error CS1513: } expected [/home/…/EchoServer.csproj]" → "exercises/…/Program.cs(98,10): error CS1513: } expected"
                string shown = line.Replace(root, "", StringComparison.Ordinal);
                int project = shown.LastIndexOf(" [", StringComparison.Ordinal);
                Console.WriteLine("  " + (project > 0 && shown.EndsWith(".csproj]", StringComparison.Ordinal) ? shown[..project] : shown));
            }
            return null;
        }
        string json = Path.Combine(Path.GetTempPath(), $"socket-watch-{Guid.NewGuid():N}.json");
        try
        {
            // The grader itself, as a process of its own: Ctrl+C stops it and the program it started, whole.
            var grade = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
            if (Path.GetFileNameWithoutExtension(grade.FileName) == "dotnet")
            {
                grade.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }
            foreach (string argument in (string[])[.. check(dll), "--json", json])
            {
                grade.ArgumentList.Add(argument);
            }
            var (_, report) = await RunAsync(grade, GradeLimit, stopping);
            Console.Write(report);
            return File.Exists(json) ? Statuses(await File.ReadAllTextAsync(json, stopping)) : null;
        }
        finally
        {
            File.Delete(json);
        }
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

    private static Dictionary<string, string> Statuses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString()!);
    }

    private static void WriteChanges(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var passing = after.Where(c => c.Value == "passed" && before.GetValueOrDefault(c.Key) != "passed").Select(c => c.Key).ToList();
        var failing = after.Where(c => c.Value == "failed" && before.GetValueOrDefault(c.Key) != "failed").Select(c => c.Key).ToList();
        Console.WriteLine();
        Console.WriteLine(passing.Count + failing.Count == 0
            ? Strings.WatchNoChange
            : string.Join("; ", new[] { (passing, Strings.WatchNewlyPassing), (failing, Strings.WatchNewlyFailing) }
                .Where(x => x.Item1.Count > 0).Select(x => $"{x.Item2} {string.Join(", ", x.Item1)}")));
    }

    // Each source file's name, size and time of last write: what changes when one is saved.
    private static string Fingerprint(string folder, string? extension = null) => string.Join('\n', Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => IsSource(f) && (extension is null || f.EndsWith(extension, StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .Select(f => new FileInfo(f))
        .Select(f => $"{f.FullName} {f.Length} {f.LastWriteTimeUtc.Ticks}"));

    private static bool IsSource(string path) =>
        !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")
        && Path.GetExtension(path) is ".cs" or ".csproj" or ".py" or ".json";

    // A fresh screen for each round where there is a terminal; a separator line where the output is a file or pipe.
    private static void Clear()
    {
        if (!Console.IsOutputRedirected)
        {
            Console.Clear();
        }
        else
        {
            Console.WriteLine(new string('─', 60));
        }
    }
}
