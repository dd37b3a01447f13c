using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Grading;

/// <summary>What to grade: a client command, run against the grader playing the server.</summary>
/// <param name="Exercise">The key the checks are registered under, such as <c>echo-client</c>.</param>
/// <param name="Client">The command that runs the client.</param>
/// <param name="Listen">Where the grader listens; port 0 picks a free one.</param>
/// <param name="Settings">What the client is handed besides the grader's address, such as its password.</param>
public sealed record ClientGradingRequest(string Exercise, ShellCommand Client, IPEndPoint Listen, IReadOnlyList<ProgramSetting> Settings);

/// <summary>Grades a client: listens, runs the client against itself, and judges what the client did.</summary>
public sealed class ClientGrader(
    IServiceProvider services,
    CheckRunner runner,
    ISocketFactory sockets,
    IClientHost host,
    ClientLimits limits,
    WireLimits wire,
    GradingOptions options,
    TimeProvider time,
    TranscriptRecorder recorder)
{
    /// <param name="request">What to grade.</param>
    /// <param name="target">Makes the exercise's view of the client from the grader's played server.</param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    /// <exception cref="PortInUseException">The listening port is taken.</exception>
    public async Task<GradeReport> GradeAsync<TTarget>(
        ClientGradingRequest request, Func<PlayedServer, TTarget> target, CancellationToken cancellationToken)
    {
        var checks = services.GetKeyedServices<ICheck<TTarget>>(request.Exercise).ToList();
        long started = time.GetTimestamp();
        var listen = await host.ListenEndpointAsync(request.Listen, cancellationToken);
        using var server = new PlayedServer(Listen(listen), request.Client, host, request.Settings, limits, wire, time, recorder);
        var results = await runner.RunAsync(checks, target(server), revival: null, cancellationToken);
        return new GradeReport(request.Exercise, request.Client.Text, options.Seed, results, time.GetElapsedTime(started), host.Note is { } where ? [where] : []);
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
                ? string.Format(Strings.ListenPortInUse, endpoint)
                : string.Format(Strings.ListenFailed, endpoint, e.Message));
        }
    }
}
