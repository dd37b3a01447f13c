using System.Net;
using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Grading;

/// <summary>
/// A server the grader started with <c>--start</c>. If it exits between checks it is started again, and the
/// report's notes say after which checks, so a server that ends after one client is still graded on the rest.
/// </summary>
internal sealed class StartedServer(
    ServerLauncher launcher, ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, TimeSpan startTimeout)
    : IRevival, IStartedServer, IAsyncDisposable
{
    // How long a server that is going down may take to finish exiting before it is started again.
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ExitWaitOnceKnown = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(10);

    private readonly List<string> _exits = [];
    private readonly StringBuilder _earlierOutput = new();
    private IServerProcess? _process;
    private readonly List<IServerProcess> _earlier = [];
    private string? _restartFailure;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        (_process, OwnStartTime) = await launcher.StartTimedAsync(command, endpoint, settings, startTimeout, cancellationToken);

    /// <summary>How long the server ran its own code before it first listened (its build not counted).</summary>
    public TimeSpan OwnStartTime { get; private set; }

    // The first start may include a build (dotnet run); starting again needs no build and gets less time.
    private async Task RestartAsync(CancellationToken cancellationToken) =>
        _process = await launcher.StartAsync(command, endpoint, settings, startTimeout < RestartTimeout ? startTimeout : RestartTimeout, cancellationToken);

    public async Task<Revival> ReviveAsync(CheckInfo afterCheck, bool unreachable, CancellationToken cancellationToken)
    {
        if (_process is not { } exited || !await IsDownAsync(exited, unreachable, cancellationToken))
        {
            return Revival.NotNeeded;
        }
        _exits.Add(exited.HasExited ? Strings.FormatExitAfterCheck(afterCheck.Id, exited.ExitCode) : Strings.FormatStoppedListeningAfterCheck(afterCheck.Id));
        await exited.DisposeAsync();
        _earlierOutput.Append(exited.Output).Append(exited.Errors);
        _earlier.Add(exited);
        _process = null;
        try
        {
            await RestartAsync(cancellationToken);
            return Revival.Restarted;
        }
        catch (Exception e) when (e is ServerStartException or PortInUseException or GraderEnvironmentException)
        {
            _restartFailure = e.Message;
            return Revival.Failed;
        }
        catch (OperationCanceledException)
        {
            _restartFailure = Strings.RestartOutOfTime;
            return Revival.Failed;
        }
    }

    // Down: exited, or no longer listening. A server that is going down may still be running for a moment,
    // and one known to end after each client may still be listening: wait for those exits (a healthy
    // server waits for nothing), so the next check does not race them and fail for the last client's sake.
    private async Task<bool> IsDownAsync(IServerProcess server, bool unreachable, CancellationToken cancellationToken)
    {
        if (server.HasExited)
        {
            return true;
        }
        if (unreachable || !await server.IsListeningAsync(cancellationToken))
        {
            await server.WaitForExitAsync(ExitWait, cancellationToken);
            return true;
        }
        return _exits.Count > 0 && await server.WaitForExitAsync(ExitWaitOnceKnown, cancellationToken);
    }

    public string Output => _earlierOutput + (_process is { } current ? current.Output + current.Errors : "");

    public SecretForm? PrintedSecret(string secret) =>
        _earlier.Append(_process).OfType<IServerProcess>().Select(p => p.PrintedSecret(secret)).FirstOrDefault(f => f is not null);

    /// <summary>Where the grader reaches the server now: a restarted server in a container may have a new address.</summary>
    public IPEndPoint Endpoint => _process?.Endpoint ?? endpoint;

    public async Task<IServerProcess> StartAnotherAsync(IReadOnlyList<ProgramSetting> other, TimeSpan timeout, CancellationToken cancellationToken)
    {
        return await launcher.StartAsync(command, FreePort.On(endpoint.Address), other, timeout, cancellationToken);
    }

    /// <summary>What the report should say about the server's life beyond single checks.</summary>
    public List<string> Notes()
    {
        var notes = new List<string>();
        if (launcher.Host.Note is { } where)
        {
            notes.Add(where);
        }
        if (_exits.Count > 0)
        {
            notes.Add(Strings.FormatNoteRestarted(string.Join(", ", _exits)));
        }
        if (_restartFailure is not null)
        {
            notes.Add(Strings.FormatNoteRestartFailed(_restartFailure));
        }
        if (_process is { HasExited: true } process)
        {
            notes.Add(Strings.FormatNoteExitedByEnd(process.ExitCode) + "\n" + process.Tail());
        }
        else if (!launcher.Host.SharesPorts && _process?.Tail() is { Length: > 0 } printed)
        {
            // In a container its output reaches no terminal: the report is the only place to read it.
            notes.Add(Strings.NoteContainerOutput + "\n" + printed);
        }
        return notes;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
