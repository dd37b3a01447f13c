using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Grading;

/// <summary>What to grade: a client command, run against the grader playing the server.</summary>
/// <param name="Exercise">The exercise's key, for the report.</param>
/// <param name="Client">The command that runs the client.</param>
/// <param name="Listen">Where the grader listens; port 0 picks a free one.</param>
/// <param name="Settings">What the client is handed besides the grader's address, such as its password.</param>
/// <param name="ServeOn">What the played server does after each run's script, until the client exits.</param>
public sealed record ClientGradingRequest(string Exercise, ShellCommand Client, IPEndPoint Listen, IReadOnlyList<ProgramSetting> Settings, ServeOn ServeOn)
{
    /// <summary>Keep the client's standard input open, for the checks to type to it.</summary>
    public bool KeepInput { get; init; }
}

/// <summary>Grades a client: listens, runs the client against itself, and judges what the client did.</summary>
public sealed class ClientGrader(
    CheckRunner runner,
    ISocketFactory sockets,
    IClientHost host,
    ClientLimits limits,
    WireLimits wire,
    GradingOptions options,
    TimeProvider time)
{
    /// <param name="request">What to grade.</param>
    /// <param name="checks">The exercise's checks, in the order they run.</param>
    /// <param name="target">Makes the exercise's view of the client from the grader's played server.</param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    /// <exception cref="PortInUseException">The listening port is taken.</exception>
    public async Task<GradeReport> GradeAsync<TTarget>(
        ClientGradingRequest request, IReadOnlyList<ICheck<TTarget>> checks, Func<PlayedServer, TTarget> target, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        var listen = await host.ListenEndpointAsync(request.Listen, cancellationToken);
        var listener = Listen(listen);
        using var server = new PlayedServer(listener, request.Client, host, request.Settings, request.ServeOn, limits, wire, time)
        {
            KeepInput = request.KeepInput,
        };
        await host.AdmitAsync((IPEndPoint)listener.LocalEndPoint!, cancellationToken);
        var results = await runner.RunAsync(checks, target(server), revival: null, cancellationToken, options.ClientTimeLimit);
        List<string> notes = host.Note is { } where ? [where] : [];
        if (server.ExitPatience.WaitedLess)
        {
            notes.Add(Strings.FormatNoteExitWaitedLess(Durations.Format(server.ExitPatience.Full), Durations.Format(server.ExitPatience.Shortest)));
        }
        return new GradeReport(request.Exercise, request.Client.Text, options.Seed, results, time.GetElapsedTime(started), notes);
    }

    private Socket Listen(IPEndPoint endpoint)
    {
        var listener = sockets.CreateTcp(endpoint.AddressFamily);
        try
        {
            listener.Bind(endpoint);
            listener.Listen();
            return listener;
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new PortInUseException(e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? Strings.FormatListenPortInUse(endpoint)
                : Strings.FormatListenFailed(endpoint, e.Message));
        }
    }
}
