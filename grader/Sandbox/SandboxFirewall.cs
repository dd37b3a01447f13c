using System.Diagnostics;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// Closes the door from a grading's network to this machine: the engine routes nothing from an internal network
/// elsewhere, but this machine is on it (at the gateway), and every service listening on all of its addresses
/// answers there. Rules in this machine's INPUT chain for the network's bridge drop what its containers send to
/// this machine, but the replies to the grader's own connections and new connections to the grader's listener.
/// Where they can't be set (not Linux, not root, no iptables), nothing changes and the report says so.
/// Every rule carries a comment with the grading's id, by which it is removed when grading ends, and its grader
/// process, by which the next grading removes the rules of a grader killed outright.
/// </summary>
internal static class SandboxFirewall
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Whether rules can be set here: Linux, as root, with iptables.</summary>
    public static bool Available { get; } =
        OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && File.Exists("/usr/sbin/iptables");

    /// <summary>Drops what the network's containers send to this machine, but replies to the grader's connections.</summary>
    /// <returns>Whether the rules were set.</returns>
    public static async Task<bool> CloseAsync(string bridge, string grading)
    {
        // Each rule goes first in the chain: the drop, then above it the replies it must let through.
        return Available
            && await IptablesAsync(["-I", "INPUT", "-i", bridge, .. Comment(grading), "-j", "DROP"])
            && await IptablesAsync(["-I", "INPUT", "-i", bridge, "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", .. Comment(grading), "-j", "ACCEPT"]);
    }

    /// <summary>Lets the network's containers connect to the grader's listener on <paramref name="port"/>.</summary>
    public static Task<bool> AdmitAsync(string bridge, string grading, int port) =>
        IptablesAsync(["-I", "INPUT", "-i", bridge, "-p", "tcp", "--dport", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Comment(grading), "-j", "ACCEPT"]);

    /// <summary>Removes every rule of <paramref name="grading"/>.</summary>
    public static Task<int> RemoveAsync(string grading) =>
        RemoveWhereAsync(tag => tag.StartsWith(Tag(grading), StringComparison.Ordinal));

    /// <summary>Removes the rules of graders on this machine that are gone.</summary>
    /// <returns>How many rules were removed.</returns>
    public static Task<int> SweepAsync() =>
        RemoveWhereAsync(tag => tag.Split('@', 2) is [_, var owner] && SandboxLeftovers.IsGone(owner));

    private static async Task<int> RemoveWhereAsync(Func<string, bool> chosen)
    {
        if (!Available)
        {
            return 0;
        }
        var (listed, rules) = await RunAsync(["-w", "-S", "INPUT"]);
        int removed = 0;
        foreach (string rule in listed ? rules.Split('\n') : [])
        {
            // -A INPUT -i br-… -m comment --comment "socket-exercises-<grading>@<owner>" -j DROP is deleted by the same
            // words after -D, the comment unquoted (iptables -S quotes it for the shell: it holds no space).
            string[] words = [.. rule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"'))];
            int comment = Array.IndexOf(words, "--comment");
            if (words is ["-A", "INPUT", ..] && comment > 0 && comment + 1 < words.Length
                && words[comment + 1].StartsWith(Prefix, StringComparison.Ordinal) && chosen(words[comment + 1]))
            {
                removed += await IptablesAsync(["-D", .. words[1..]]) ? 1 : 0;
            }
        }
        return removed;
    }

    private const string Prefix = "socket-exercises-";

    // The grading's id, then its grader process (no spaces, so the comment is one word in iptables -S).
    private static string Tag(string grading) => $"{Prefix}{grading}@";

    private static string[] Comment(string grading) => ["-m", "comment", "--comment", Tag(grading) + SandboxLeftovers.ThisOwner.Replace(' ', '_')];

    private static async Task<bool> IptablesAsync(string[] arguments) => (await RunAsync(["-w", .. arguments])).Succeeded;

    private static async Task<(bool Succeeded, string Output)> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/sbin/iptables") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(output, errors);
            return (process.ExitCode == 0, await output);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            return (false, "");
        }
    }
}
