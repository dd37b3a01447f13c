using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Where a process and every process it started listen, read from Linux's <c>/proc</c>: how the grader sees
/// that a server listens on a port other than the one it was given. Elsewhere it finds nothing.
/// </summary>
public static class ProcessTreeSockets
{
    /// <summary>The endpoints that <paramref name="rootPid"/>'s process tree listens on; none where /proc cannot tell.</summary>
    public static IReadOnlyList<IPEndPoint> ListeningEndpoints(int rootPid) => ListeningIn(() => Tree(rootPid)) ?? [];

    /// <summary>
    /// Whether <paramref name="rootPid"/>'s process tree holds a socket listening on <paramref name="endpoint"/>'s port;
    /// null where /proc cannot tell (not Linux, or not readable). A port can be taken by another program between the
    /// grader's choosing it and the server's binding it: then something listens there, and it is not the server.
    /// </summary>
    /// <param name="rootPid">The process the grader started.</param>
    /// <param name="others">Its processes that may have left its tree (a double fork): those its mark finds.</param>
    /// <param name="endpoint">Where it was told to listen.</param>
    public static bool? ListensOn(int rootPid, IEnumerable<int> others, IPEndPoint endpoint) =>
        ListeningIn(() => Tree(rootPid).Concat(others).Distinct())?.Any(listener => ListeningPorts.Serves(listener, endpoint));

    // Where the processes listen; null where /proc cannot tell (not Linux, or a process's descriptors closed to us).
    private static IReadOnlyList<IPEndPoint>? ListeningIn(Func<IEnumerable<int>> processes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var inodes = new HashSet<long>();
            foreach (int pid in processes())
            {
                // Another user's descriptors (a program run as the student, --run-as) are closed to a grader without
                // the right to look (root in a container without CAP_SYS_PTRACE): then /proc cannot tell.
                if (SocketInodes(pid) is not { } own)
                {
                    return null;
                }
                inodes.UnionWith(own);
            }
            if (inodes.Count == 0)
            {
                return [];
            }
            string table = Read("/proc/net/tcp") + Read("/proc/net/tcp6");
            return [.. ProcNetTcp.Listening(table).Where(s => inodes.Contains(s.Inode)).Select(s => s.Endpoint).Distinct()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // processes come and go while /proc is read: this is a hint, never a verdict
        }
    }

    // The process and its descendants, from each process's parent in /proc/<pid>/stat.
    private static List<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out int pid) && Parent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var tree = new List<int> { root };
        for (int i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }

    // "1234 (name with spaces) S 1200 …": the parent is the second field after the name's closing parenthesis.
    private static int? Parent(int pid)
    {
        string stat = Read($"/proc/{pid}/stat");
        int close = stat.LastIndexOf(')');
        var fields = close < 0 ? [] : stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], out int parent) ? parent : null;
    }

    // The process's socket inodes (each open descriptor that is a socket links to "socket:[inode]"); null when its
    // descriptors cannot be read, none when it is gone.
    private static List<long>? SocketInodes(int pid)
    {
        string folder = $"/proc/{pid}/fd";
        try
        {
            var inodes = new List<long>();
            foreach (var fd in Directory.EnumerateFileSystemEntries(folder))
            {
                if (new FileInfo(fd).LinkTarget is not { } target)
                {
                    return Directory.Exists(folder) ? null : []; // closed to us, unless the process just ended
                }
                if (target.StartsWith("socket:[", StringComparison.Ordinal) && long.TryParse(target[8..^1], out long inode))
                {
                    inodes.Add(inode);
                }
            }
            return inodes;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Directory.Exists(folder) ? null : [];
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // gone, or another user's: nothing to learn from it
        }
    }
}
