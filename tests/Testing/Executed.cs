using SocketExercises.Grader.Running;

namespace SocketExercises.Testing;

/// <summary>A program run to its end: its exit code and what it printed.</summary>
public sealed record Executed(int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="command"/> and waits for it to exit, for at most a minute.</summary>
    /// <param name="command">The command, run as written.</param>
    /// <param name="settings">Environment variables (and placeholders) to give it.</param>
    public static Task<Executed> RunAsync(ShellCommand command, params ProgramSetting[] settings) => RunAsync(command, Limit, settings);

    /// <summary>Runs <paramref name="command"/> to its end, allowing it <paramref name="limit"/> (a batch of builds takes minutes).</summary>
    public static async Task<Executed> RunAsync(ShellCommand command, TimeSpan limit, params ProgramSetting[] settings)
    {
        await using var process = RunningProcess.Start(command.ToStartInfo(settings));
        if (!await process.WaitForExitAsync(limit, CancellationToken.None))
        {
            throw new TimeoutException($"'{command}' did not exit within {limit}.\n{process.Tail()}");
        }
        return new Executed(process.ExitCode, process.Output, process.Errors);
    }
}
