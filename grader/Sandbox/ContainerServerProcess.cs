using System.Net;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Sandbox;

/// <summary>A server running in its container, reached at the container's address on the sandbox network.</summary>
internal sealed class ContainerServerProcess(ContainerProgram program, int port, SandboxOptions options) : IServerProcess
{
    // SIGKILL. Nothing in the sandbox sends it but the kernel, when the container goes over its memory limit.
    private const int KilledExitCode = 137;

    // A container that died at once has no address any more; it is never connected to, only reported.
    public IPEndPoint Endpoint { get; } =
        new(IPAddress.TryParse(program.Container.IpAddress, out var address) ? address : IPAddress.None, port);

    public bool HasExited => program.HasExited;

    public int ExitCode => program.ExitCode;

    public string Output => program.Output;

    public SecretForm? PrintedSecret(string secret) => program.PrintedSecret(secret);

    public string Errors => program.Errors;

    public Task<string?> ExitReasonAsync(CancellationToken cancellationToken) => Task.FromResult(
        HasExited && ExitCode == KilledExitCode ? Strings.FormatSandboxKilled(options.MemoryBytes / (1024 * 1024)) : null);

    public async Task<bool> IsListeningAsync(CancellationToken cancellationToken) =>
        ProcNetTcp.Listens(await SocketTableAsync(cancellationToken), port);

    // The container is the program's alone, but for the engine's own resolver, which every container on a
    // user-defined network has listening on 127.0.0.11.
    private static readonly IPAddress EngineResolver = IPAddress.Parse("127.0.0.11");

    public long? CpuTicks => program.CpuTicks;

    public bool? Building => program.Building;

    public bool LeftProcessesRunning => program.LeftProcessesRunning;

    public async Task<IReadOnlyList<IPEndPoint>> ListeningEndpointsAsync(CancellationToken cancellationToken) =>
        [.. ProcNetTcp.Listening(await SocketTableAsync(cancellationToken)).Select(s => s.Endpoint).Where(e => !e.Address.Equals(EngineResolver)).Distinct()];

    // The kernel's table of the container's sockets, read inside it: no connection to the server needed.
    private async Task<string> SocketTableAsync(CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return "";
        }
        try
        {
            return (await program.Container.ExecAsync(["cat", "/proc/net/tcp", "/proc/net/tcp6"], cancellationToken)).Stdout;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ""; // the container is going down
        }
    }

    public Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken) => program.WaitForExitAsync(timeout, cancellationToken);

    public Task Exited(CancellationToken cancellationToken) => program.Exited(cancellationToken);

    public Task OutputChanged => program.OutputChanged;

    public Task WriteInputAsync(string text, CancellationToken cancellationToken) => program.WriteInputAsync(text, cancellationToken);

    public Task CloseInputAsync(CancellationToken cancellationToken) => program.CloseInputAsync(cancellationToken);

    public ValueTask DisposeAsync() => program.DisposeAsync();
}
