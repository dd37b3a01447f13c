using System.Diagnostics;
using System.Text;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Finds every process a started program left behind, wherever it went. The program is started with a mark in
/// its environment, which its children inherit, and theirs, also those that left its process tree (a double
/// fork, <c>setsid</c>, a child that outlives its parent): a process-tree kill misses those, a look for the
/// mark in each process's environment (<c>/proc/&lt;pid&gt;/environ</c>) does not. Where the system has
/// <c>setsid</c>, the program is also started in a session of its own (<see cref="Session"/>), which its
/// processes keep whatever environment they give their children (<c>env -i</c>). Linux only; elsewhere it finds
/// nothing and the process-tree kill is all there is. A program that both clears the environment and starts a
/// session of its own escapes: the sandbox (<c>--sandbox docker</c>) is the answer to a program written to escape.
/// </summary>
public sealed class ProcessMark
{
    public const string Variable = "SOCKET_EXERCISES_RUN";

    // Kills go round until none is left, as a program that forks as fast as it can makes new ones meanwhile.
    private const int KillRounds = 50;

    private readonly byte[] _entry;
    private readonly byte[] _laterEntry;

    public ProcessMark()
    {
        Value = Guid.NewGuid().ToString("N");
        _entry = Encoding.ASCII.GetBytes($"{Variable}={Value}\0");
        _laterEntry = Encoding.ASCII.GetBytes($"\0{Variable}={Value}\0");
    }

    /// <summary>What the started program's environment holds as <see cref="Variable"/>.</summary>
    public string Value { get; }

    /// <summary>
    /// The session the program was started in, of which its first process is the leader (its id is the session's);
    /// null where it was not started in one of its own.
    /// </summary>
    public int? Session { get; set; }

    /// <summary>
    /// How to start a marked program in a session of its own: <c>setsid</c> before its command, which becomes the
    /// session's leader in the same process (the grader's child leads no process group, so setsid does not fork).
    /// </summary>
    public static string? SessionStarter { get; } =
        OperatingSystem.IsLinux() ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists) : null;

    /// <summary>The marked processes that are still alive: the program's, wherever they went.</summary>
    public IReadOnlyList<int> Alive() => [.. Marked().Where(pid => !IsBuildServer(ArgumentsOf(pid)))];

    /// <summary>
    /// The processor time its marked processes have used so far, in the system's clock ticks, the SDK's build
    /// servers among them (a "dotnet run" that compiles is busy there): it grows while the program does anything.
    /// </summary>
    public long CpuTicks() => Marked().Sum(Ticks);

    /// <summary>
    /// Whether the program is still being built: one of its processes is a build tool (<see cref="BuildTools"/>)
    /// that has not started anything but other build tools, as a <c>dotnet run</c> that compiles. Once it has
    /// started what it built, the program runs its own code. The SDK's shared build servers are not counted: they
    /// stay after every build.
    /// </summary>
    public bool Building()
    {
        var processes = Marked()
            .Select(pid => (Pid: pid, Arguments: ArgumentsOf(pid)))
            .Where(p => !IsBuildServer(p.Arguments))
            .Select(p => (p.Pid, Parent: ParentOf(p.Pid), Builds: BuildTools.Is(p.Arguments)))
            .ToList();
        var runningParents = processes.Where(p => !p.Builds).Select(p => p.Parent).ToHashSet();
        return processes.Any(p => p.Builds && !runningParents.Contains(p.Pid));
    }

    /// <summary>Kills every marked process, again and again while new ones appear, for a bounded number of rounds.</summary>
    public void KillAll()
    {
        for (int round = 0; round < KillRounds; round++)
        {
            var alive = Alive();
            if (alive.Count == 0)
            {
                return;
            }
            foreach (int pid in alive)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // It ended between the look and the kill.
                }
            }
        }
    }

    // Every process with the mark, the SDK's build servers among them; none where there is no /proc.
    private IEnumerable<int> Marked() => !OperatingSystem.IsLinux()
        ? []
        : Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out int pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && (IsMarked(pid) || (Session is { } session && SessionOf(pid) == session)));

    // The session's id, the 6th field of /proc/<pid>/stat; 0 once it ended, also while it waits to be reaped (a
    // zombie, state Z, whose environment can no longer be read either).
    private static int SessionOf(int pid) =>
        StatFields(pid) is { } fields && fields[0] is not ("Z" or "X")
            ? int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private bool IsMarked(int pid)
    {
        try
        {
            // Each entry ends with a NUL; the first has none before it.
            var environment = File.ReadAllBytes($"/proc/{pid}/environ").AsSpan();
            return environment.StartsWith(_entry) || environment.IndexOf(_laterEntry) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // it ended, or it is another user's
        }
    }

    // utime and stime, the 14th and 15th fields of /proc/<pid>/stat.
    private static long Ticks(int pid) =>
        StatFields(pid) is { } fields
            ? long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)
            : 0; // it ended

    // The parent's id, the 4th field of /proc/<pid>/stat; 0 once it ended.
    private static int ParentOf(int pid) =>
        StatFields(pid) is { } fields ? int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) : 0;

    // The fields of /proc/<pid>/stat after the command's name (which may hold spaces), from the 3rd on; null once it ended.
    private static string[]? StatFields(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 12 ? fields : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Its command line's arguments; none once it ended.
    private static string[] ArgumentsOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    // The .NET SDK's compiler server and MSBuild's reused nodes, which a "dotnet run" may start: they outlive every
    // build by design and serve the next one, whoever starts it, so they are not the program's to answer for.
    private static bool IsBuildServer(string[] arguments) =>
        arguments.Any(a => a.EndsWith("VBCSCompiler.dll", StringComparison.Ordinal)
            || a.StartsWith("/nodemode:", StringComparison.OrdinalIgnoreCase)
            || a.Equals("/nodeReuse:true", StringComparison.OrdinalIgnoreCase));
}
