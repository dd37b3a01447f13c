using System.Diagnostics;
using System.Text;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Finds every process a started program left behind, wherever it went. The program is started with a mark in
/// its environment, which its children inherit, and theirs, also those that left its process tree (a double
/// fork, <c>setsid</c>, a child that outlives its parent): a process-tree kill misses those, a look for the
/// mark in each process's environment (<c>/proc/&lt;pid&gt;/environ</c>) does not. Linux only; elsewhere it finds
/// nothing and the process-tree kill is all there is. A program that clears its own environment for its
/// children escapes it: the sandbox (<c>--sandbox docker</c>) is the answer to a program written to escape.
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

    /// <summary>The marked processes that are still alive: the program's, wherever they went.</summary>
    public IReadOnlyList<int> Alive() => [.. Marked().Where(pid => !IsBuildServer(pid))];

    /// <summary>
    /// The processor time its marked processes have used so far, in the system's clock ticks, the SDK's build
    /// servers among them (a "dotnet run" that compiles is busy there): it grows while the program does anything.
    /// </summary>
    public long CpuTicks() => Marked().Sum(Ticks);

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
            .Where(pid => pid > 0 && pid != Environment.ProcessId && IsMarked(pid));

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

    // utime and stime, the 14th and 15th fields of /proc/<pid>/stat; counted after the command's name, which may hold spaces.
    private static long Ticks(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0; // it ended
        }
    }

    // The .NET SDK's compiler server and MSBuild's reused nodes, which a "dotnet run" may start: they outlive every
    // build by design and serve the next one, whoever starts it, so they are not the program's to answer for.
    private static bool IsBuildServer(int pid)
    {
        try
        {
            string commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return commandLine.Contains("VBCSCompiler.dll", StringComparison.Ordinal)
                || commandLine.Contains("/nodemode:", StringComparison.OrdinalIgnoreCase)
                || commandLine.Contains("/nodeReuse:true", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
