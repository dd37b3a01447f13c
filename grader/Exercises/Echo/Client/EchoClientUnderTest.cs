using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>What the grader, as the echo server, saw of one run.</summary>
/// <param name="Request">The bytes the client sent before the grader echoed them.</param>
/// <param name="Pieces">How many pieces the echo was to be sent in (the client may have left before the last).</param>
public sealed record EchoClientExchange(byte[] Request, int Pieces);

/// <summary>The echo client under test: one run per <see cref="EchoStyle"/>, the grader playing the echo server.</summary>
public sealed class EchoClientUnderTest(PlayedServer server, string message)
{
    private readonly EchoPlay _echo = new(server);

    public PlayedServer Server => server;

    /// <summary>The message the client was given, and must send.</summary>
    public string Message => message;

    public Task<ClientRun<EchoClientExchange>> RunAsync(EchoStyle style, CheckContext context) =>
        server.RunAsync<EchoClientExchange>($"echo-{style}", async (connection, _, token) =>
        {
            var (request, clientClosed) = await _echo.ReceiveMessageAsync(connection, token);
            int pieces = await _echo.SendAsync(connection, request, style, token);
            return (new EchoClientExchange(request, pieces), clientClosed ? ExchangeEnd.ClientClosed : ExchangeEnd.ServeOn);
        }, context);
}
