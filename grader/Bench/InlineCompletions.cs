using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Bench;

/// <summary>
/// The load generator runs each connection's code on the thread that learns its socket is ready, as the reference
/// servers do, instead of handing it to the thread pool: with small blocks the hand-over made the load, not the
/// server, the limit (docs/performance.md). The runtime reads the setting once, when the first socket waits, so
/// <see cref="Use"/> must come before any socket; and a server the bench starts is handed the setting as this
/// process had it, so that it runs as it would anywhere else.
/// </summary>
internal static class InlineCompletions
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    // Read before Use sets it: Use reads it first.
    private static readonly string? Inherited = Environment.GetEnvironmentVariable(Variable);

    /// <summary>The setting as this process was started with it, for a program it starts: "0", the default, when it had none.</summary>
    public static ProgramSetting AsStarted => new("inline-completions", Variable, Inherited ?? "0");

    public static void Use()
    {
        if (Inherited != "1")
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
