using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>Runs servers as processes on this machine, through the system shell.</summary>
public sealed class LocalServerHost : IServerHost
{
    public bool SharesPorts => true;

    public string? Note => null;

    public Task<IServerProcess> RunAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken)
    {
        // A shell that cannot be started is the grader's trouble (ProcessStartException), not the server's.
        var process = RunningProcess.Start(command.ToStartInfo([.. ProgramSetting.For(endpoint), .. settings]), secrets: ProgramSetting.SecretsOf(settings), mark: new ProcessMark());
        return Task.FromResult<IServerProcess>(new LocalServerProcess(process, endpoint));
    }

    private sealed class LocalServerProcess(RunningProcess process, IPEndPoint endpoint) : IServerProcess
    {
        public IPEndPoint Endpoint => endpoint;

        public bool HasExited => process.HasExited;

        public int ExitCode => process.ExitCode;

        public string Output => process.Output;

        public string Errors => process.Errors;

        public Task<string?> ExitReasonAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        // Its port listens, and its own process tree holds the socket: not another program that took the port first.
        public Task<bool> IsListeningAsync(CancellationToken cancellationToken) => Task.FromResult(
            ListeningPorts.Contains(endpoint) && !process.HasExited
            && (ProcessTreeSockets.ListensOn(process.Id, process.MarkedProcesses(), endpoint) ?? true));

        // The process the shell started may have started more: a port held by any of them is the server's.
        public Task<IReadOnlyList<IPEndPoint>> ListeningEndpointsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(process.HasExited ? [] : ProcessTreeSockets.ListeningEndpoints(process.Id));

        public long? CpuTicks => process.CpuTicks;

        public bool? Building => process.Building;

        public bool LeftProcessesRunning => process.LeftProcessesRunning;

        public Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            process.WaitForExitAsync(timeout, cancellationToken);

        public Task Exited(CancellationToken cancellationToken) => process.Exited(cancellationToken);

        public Task OutputChanged => process.OutputChanged;

        public SecretForm? PrintedSecret(string secret) => process.PrintedSecret(secret);

        public Task WriteInputAsync(string text, CancellationToken cancellationToken) => process.WriteInputAsync(text, cancellationToken);

        public Task CloseInputAsync(CancellationToken cancellationToken) => process.CloseInputAsync(cancellationToken);

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }
}
