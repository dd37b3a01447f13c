using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.Clients;

/// <summary>
/// The grader playing the server for a client under test. Each run starts the client, accepts its connection,
/// plays a <see cref="ClientScript{TExchange}"/> on it, then behaves as the protocol's server does until the
/// client exits. A run is made once and shared by the checks that judge it; runs take turns on the one
/// listening socket, so <c>--listen-port 65432</c> serves a client that knows no other port.
/// </summary>
public sealed class PlayedServer : IDisposable
{
    private static readonly TimeSpan IdleLook = TimeSpan.FromMilliseconds(250);

    private readonly Socket _listener;
    private readonly ShellCommand _command;
    private readonly IClientHost _host;
    private readonly IReadOnlyList<ProgramSetting> _settings;
    private readonly ServeOn _serveOn;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<string, Task> _runs = [];

    /// <param name="listener">A bound, listening socket; the played server owns it from here.</param>
    /// <param name="command">Runs the client.</param>
    /// <param name="host">Where the client runs: here, or in a container.</param>
    /// <param name="settings">What to hand the client besides the address, such as its password.</param>
    /// <param name="serveOn">What the server does after a script, until the client exits.</param>
    public PlayedServer(
        Socket listener,
        ShellCommand command,
        IClientHost host,
        IReadOnlyList<ProgramSetting> settings,
        ServeOn serveOn,
        ClientLimits limits,
        WireLimits wire,
        TimeProvider time)
    {
        _listener = listener;
        _command = command;
        _host = host;
        _settings = settings;
        _serveOn = serveOn;
        Limits = limits;
        Wire = wire;
        Time = time;
        ExitPatience = new Patience(limits.ExitTimeout, Patience.ShortestExit);
    }

    /// <summary>How long the grader waits for the client at each step.</summary>
    public ClientLimits Limits { get; }

    /// <summary>How long the grader's side of the connection waits and how much it reads.</summary>
    public WireLimits Wire { get; }

    /// <summary>How long each run waits for the client to exit after its exchange, learned from the runs before.</summary>
    public Patience ExitPatience { get; }

    /// <summary>The clock the played server pauses on.</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether each run keeps the client's standard input open, for a script to type to it.</summary>
    public bool KeepInput { get; init; }

    // The grader's side of the connection, in transcripts and messages.
    private static string Party => Strings.PartyGrader;

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>
    /// The run named <paramref name="name"/>, made with <paramref name="script"/> the first time it is asked for.
    /// Its transcript joins the transcript of each check that asks for it.
    /// </summary>
    /// <param name="context">The check that asks: the run's transcript joins its own.</param>
    public async Task<ClientRun<TExchange>> RunAsync<TExchange>(string name, ClientScript<TExchange> script, CheckContext context)
    {
        Task<ClientRun<TExchange>> run;
        lock (_runs)
        {
            if (!_runs.TryGetValue(name, out var made))
            {
                // Not tied to one check's token: the run is shared, and bounded by its own limits.
                made = RunOnceAsync(name, script, CancellationToken.None);
                _runs[name] = made;
            }
            run = (Task<ClientRun<TExchange>>)made;
        }
        var done = await run.WaitAsync(context.Cancellation);
        context.Transcript.AddRange(done.Transcript.Events);
        return done;
    }

    public void Dispose()
    {
        _listener.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task<ClientRun<TExchange>> RunOnceAsync<TExchange>(string name, ClientScript<TExchange> script, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var transcript = new Transcript(Time); // its own: the run is shared by several checks
        try
        {
            // A client the grader cannot start (GraderEnvironmentException) is not the client's failure: the runner reports it as an error.
            var client = await _host.StartAsync(_command, [.. ProgramSetting.For(Endpoint), .. _settings], KeepInput, cancellationToken);
            // As it ran: with the grader's address in place of {host} and {port} (its other settings may be secrets).
            transcript.Add(Party, WireEventKind.Note, text: Strings.FormatTranscriptClientStarted(_command.WithSettings(ProgramSetting.For(Endpoint))));
            await using (client)
            {
                var run = await PlayAsync(client, script, transcript, cancellationToken);
                ExitPatience.Ended(name);
                transcript.Add(Party, WireEventKind.Note, text: run.Session.ExitCode is { } code
                    ? Strings.FormatTranscriptClientExited(code)
                    : Strings.TranscriptClientStopped);
                return run;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ClientRun<TExchange>> PlayAsync<TExchange>(
        IRunningProgram client, ClientScript<TExchange> script, Transcript transcript, CancellationToken cancellationToken)
    {
        using var connecting = Deadline.After(Limits.ConnectTimeout, Time, cancellationToken);
        var accept = _listener.AcceptAsync(connecting.Token).AsTask();
        var ended = client.Exited(connecting.Token);
        var idleness = new Idleness(client, Time);
        var ownTime = new OwnTime(client, Time);
        bool idle = false, busy = false;
        // Look now and then whether it has stopped doing anything: a client that neither connects nor works
        // (it waits for input, or sleeps) is told so then, not at the connect timeout; one that has run its own
        // code for seconds without connecting (a build before it not counted) is busy elsewhere.
        while (!accept.IsCompleted && !ended.IsCompleted && !connecting.Token.IsCancellationRequested && !idle && !busy)
        {
            await Task.WhenAny(accept, ended, Task.Delay(IdleLook, Time, connecting.Token));
            idle = !accept.IsCompleted && idleness.Idle();
            busy = !accept.IsCompleted && ownTime.Elapsed() > OwnTime.StartLimit;
        }
        if (!accept.IsCompletedSuccessfully)
        {
            connecting.Cancel();
            await AbandonAsync(accept);
            bool gone = client.HasExited;
            string problem = gone
                ? Strings.FormatClientExitedWithoutConnecting(client.ExitCode, Endpoint)
                : idle
                    ? Strings.FormatClientIdleNotConnected(Endpoint, Durations.Format(Idleness.Limit))
                    : busy
                        ? Strings.FormatClientBusyNotConnected(Endpoint, Durations.Format(OwnTime.StartLimit))
                        : Strings.FormatClientDidNotConnect(Endpoint, Durations.Format(Limits.ConnectTimeout));
            if (gone)
            {
                await client.WaitForExitAsync(Limits.ExitTimeout, cancellationToken); // let its last output be read
            }
            return new(new ClientSession(false, problem, gone, gone ? client.ExitCode : null, client.Output, client.Errors), default, transcript);
        }

        await using var connection = new WireConnection(accept.Result, Party, Wire, Time, transcript, accepted: true);
        var (exchange, end) = await script(connection, client, cancellationToken);
        if (end == ExchangeEnd.GraderCloses)
        {
            connection.ShutdownSend();
        }

        // From here the client has a fixed time to finish and exit. The connection stays open meanwhile, as a
        // real server keeps it until the client closes: a client that waits for the server to close first
        // would wait forever, and is caught here.
        var exitWait = ExitPatience.Next();
        long exchanged = Time.GetTimestamp();
        var exit = client.WaitForExitAsync(exitWait, cancellationToken);
        if (end == ExchangeEnd.ClientClosed || (end == ExchangeEnd.ServeOn && await _serveOn(this, connection, exit, cancellationToken)))
        {
            connection.ShutdownSend(); // the client has finished: close our side, as the protocol's server does
        }
        bool exited = await exit;
        if (exited)
        {
            ExitPatience.Came(Time.GetElapsedTime(exchanged));
        }
        else
        {
            ExitPatience.Stalled();
        }
        return new(
            new ClientSession(true, null, exited, exited ? client.ExitCode : null, client.Output, client.Errors)
            {
                LeftProcessesRunning = !exited && client.LeftProcessesRunning,
                ExitWait = exitWait,
            },
            exchange,
            transcript);
    }

    // A pending accept must end before the next run accepts on the same listener; a connection that
    // slipped in at the last moment belongs to no run and is closed.
    private static async Task AbandonAsync(Task<Socket> accept)
    {
        try
        {
            (await accept).Dispose();
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The accept was cancelled, as intended.
        }
    }
}
