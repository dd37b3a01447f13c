using DotNet.Testcontainers.Containers;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Sandbox;

/// <summary>A program running as a container's one process: its exit is the container's.</summary>
internal sealed class ContainerProgram : IRunningProgram
{
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

    public async ValueTask DisposeAsync()
    {
        // Removes the container, running or not; with the reaper off, nothing else would.
        await Container.DisposeAsync();
        _output.Dispose();
    }
}
