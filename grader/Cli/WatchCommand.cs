using System.CommandLine;
using SocketExercises.Common;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>watch [program]</c>: the student's loop without the typing. Builds and grades the student's own program of
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

    public static Command Build(IReadOnlyList<Exercise> exercises)
    {
        var program = new Argument<string?>("program") { Description = Strings.HelpWatchProgram, Arity = ArgumentArity.ZeroOrOne };
        program.AcceptOnlyFromAmong([.. exercises.Select(e => e.Key)]);
        var only = new Option<string[]>("--only") { Description = Strings.HelpOnly, HelpName = "check" };
        var lang = new Option<string?>("--lang") { Description = Strings.HelpLang };
        lang.AcceptOnlyFromAmong([.. Language.Supported]);
        var command = new Command("watch", GraderCommandLine.Help(Strings.HelpWatch, Strings.HelpExamples, """
              dotnet run --project grader -- watch echo-server
              dotnet run --project grader -- watch auth-server --only 'auth.login-*'
              dotnet run --project grader -- watch
            """))
        {
            program, only, lang,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            Language.Use(culture);
            string[] options = [.. (parsed.GetValue(only) ?? []).SelectMany(o => (string[])["--only", o]), "--lang", culture.Name];
            var chosen = parsed.GetValue(program) is { } key ? exercises.Where(e => e.Key == key) : exercises;
            var watched = chosen
                .Select(e => KitProject.Find(e.Project) is { } own ? new WatchedProgram(e, own.Folder, ["check", e.Key, .. options]) : null)
                .OfType<WatchedProgram>()
                .ToList();
            if (watched.Count == 0)
            {
                await Console.Error.WriteLineAsync(Strings.FormatCouldNotGrade(parsed.GetValue(program) is null
                    ? Strings.WatchNoPrograms
                    : Strings.FormatWatchNoProject(chosen.Single().Project)));
                return ExitCodes.Usage;
            }
            using var signals = new ShutdownSignals(cancellationToken);
            await WatchAsync(watched, signals.Token);
            return GraderCommandLine.Interrupted;
        });
        return command;
    }

    private static async Task WatchAsync(List<WatchedProgram> programs, CancellationToken stopping)
    {
        // The exercises' folder: each program's own files, and the code they share.
        string exercises = Path.GetFullPath(Path.Combine(programs[0].Folder, "..", ".."));
        using var saved = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(exercises) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler changed = (_, e) =>
        {
            if (WatchedFiles.IsSource(e.FullPath))
            {
                saved.Release();
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, e) => changed(watcher, e);

        var graded = programs.ToDictionary(p => p, _ => "");
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // The programs whose files changed since they were graded (at first, all of them).
                var due = programs.Where(p => p.Fingerprint != graded[p]).ToList();
                Clear();
                Console.WriteLine(Strings.FormatWatchWatching(programs.Count == 1 ? programs[0].Folder : Path.GetRelativePath(Environment.CurrentDirectory, exercises)));
                Console.WriteLine();
                foreach (var program in due)
                {
                    graded[program] = program.Fingerprint;
                    string shown = await program.RoundAsync(stopping);
                    // One program's report in full; of several graded at once (the first round of all), the table says enough.
                    if (due.Count == 1)
                    {
                        Console.Write(shown);
                    }
                }
                if (programs.Count > 1)
                {
                    Console.WriteLine();
                    foreach (var program in programs)
                    {
                        Console.WriteLine($"  {program.Exercise.Key,-18} {program.Summary()}");
                    }
                }

                // Wait for a save, then for the writes of that save to settle.
                while (!await saved.WaitAsync(Look, stopping) && programs.All(p => p.Fingerprint == graded[p]))
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
