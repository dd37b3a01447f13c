using System.Net;
using DotNet.Testcontainers.Containers;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Sandbox;

/// <summary>A server running in its container, reached at the container's address on the sandbox network.</summary>
internal sealed class ContainerServerProcess : IServerProcess
{
    // SIGKILL. Nothing in the sandbox sends it but the kernel, when the container goes over its memory limit.
    private const int KilledExitCode = 137;

    private readonly IContainer _container;
    private readonly ContainerOutput _output;
    private readonly SandboxOptions _options;
    private readonly Task<long> _exit;
    private readonly int _port;

    public ContainerServerProcess(IContainer container, int port, ContainerOutput output, SandboxOptions options)
    {
        _container = container;
        _output = output;
        _options = options;
        _port = port;
        // A container that died at once has no address any more; it is never connected to, only reported.
        Endpoint = new IPEndPoint(IPAddress.TryParse(container.IpAddress, out var address) ? address : IPAddress.None, port);
        // The engine answers when the container exits; until then this task waits.
        _exit = container.GetExitCodeAsync();
    }

    public IPEndPoint Endpoint { get; }

    public bool HasExited => _exit.IsCompletedSuccessfully;

    public int ExitCode => HasExited ? (int)_exit.Result : throw new InvalidOperationException("The container is still running.");

    public string Output => _output.Text;

    public string Tail(int lines = 15) =>
        string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    public Task<string?> ExitReasonAsync(CancellationToken cancellationToken) => Task.FromResult(
        HasExited && ExitCode == KilledExitCode
            ? string.Format(Strings.SandboxKilled, _options.MemoryBytes / (1024 * 1024))
            : null);

    public async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return false;
        }
        try
        {
            // The kernel's table of the container's sockets, read inside it: no connection to the server needed.
            var table = await _container.ExecAsync(["cat", "/proc/net/tcp", "/proc/net/tcp6"], cancellationToken);
            return ProcNetTcp.Listens(table.Stdout, _port);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // the container is going down
        }
    }

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
        await _container.DisposeAsync();
        _output.Dispose();
    }
}
