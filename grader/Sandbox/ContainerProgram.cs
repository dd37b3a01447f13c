using DotNet.Testcontainers.Containers;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Sandbox;

/// <summary>A program running as a container's one process: its exit is the container's.</summary>
internal sealed class ContainerProgram : IRunningProgram
{
    // A container's processor time is the engine's to tell, not asked for here: its programs get the whole timeouts.
    public long? CpuTicks => null;

    public bool? Building => null;

    // The container ends with its first process, and everything in it with the container.
    public bool LeftProcessesRunning => false;

    /// <summary>
    /// The program's standard input, when kept open: a pipe in the container's /tmp, held open for writing by a
    /// process that sleeps until the input is closed. What is typed is written into the pipe by a command run
    /// in the container, so the engine needs no attached terminal.
    /// </summary>
    public const string InputPipe = "/tmp/.socket-exercises-input";

    private const string InputHolder = "/tmp/.socket-exercises-input-holder";

    private readonly ContainerOutput _output;
    private readonly Task<long> _exit;

    public ContainerProgram(IContainer container, ContainerOutput output)
    {
        Container = container;
        _output = output;
        // The engine answers when the container exits; until then this task waits.
        _exit = container.GetExitCodeAsync();
    }

    public IContainer Container { get; }

    public bool HasExited => _exit.IsCompletedSuccessfully;

    public int ExitCode => HasExited ? (int)_exit.Result : throw new InvalidOperationException("The container is still running.");

    public string Output => _output.Output;

    public string Errors => _output.Errors;

    public SecretForm? PrintedSecret(string secret) => _output.PrintedSecret(secret);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _exit.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public Task Exited(CancellationToken cancellationToken) => _exit.WaitAsync(cancellationToken);

    public Task OutputChanged => _output.Changed;

    public Task WriteInputAsync(string text, CancellationToken cancellationToken) =>
        ExecAsync(["/bin/sh", "-c", $"printf '%s' \"$1\" > {InputPipe}", "sh", text], cancellationToken);

    public Task CloseInputAsync(CancellationToken cancellationToken) =>
        ExecAsync(["/bin/sh", "-c", $"kill $(cat {InputHolder})"], cancellationToken);

    /// <summary>The command a container runs to start <paramref name="command"/> with its input kept open.</summary>
    public static string WithInputKept(string command) =>
        $"mkfifo {InputPipe} && {{ sleep 100000 > {InputPipe} & echo $! > {InputHolder}; }} && exec /bin/sh -c {ShellCommand.Quote(command)} < {InputPipe}";

    private async Task ExecAsync(IList<string> command, CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            throw new IOException("The program has exited: it reads no more input.");
        }
        await Container.ExecAsync(command, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Removes the container, running or not; with the reaper off, nothing else would.
        await Container.DisposeAsync();
        _output.Dispose();
    }
}
