using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>What the grader, as the echo server, saw of one run.</summary>
/// <param name="Request">The bytes the client sent before the grader echoed them.</param>
/// <param name="Pieces">How many pieces the echo was to be sent in (the client may have left before the last).</param>
public sealed record EchoExchange(byte[] Request, int Pieces);

/// <summary>The echo client under test: one run per <see cref="EchoStyle"/>, the grader playing the echo server.</summary>
public sealed class EchoClientUnderTest(PlayedServer server, EchoPlay echo, string expectedMessage)
{
    public PlayedServer Server => server;

    /// <summary>The client under test on <paramref name="played"/>, with the grader's services.</summary>
    public static EchoClientUnderTest For(IServiceProvider services, PlayedServer played, string expectedMessage) =>
        new(played, services.GetRequiredService<EchoPlay>(), expectedMessage);

    /// <summary>The message the client is expected to send.</summary>
    public string ExpectedMessage => expectedMessage;

    public Task<ClientRun<EchoExchange>> RunAsync(EchoStyle style, CancellationToken cancellationToken) =>
        server.RunAsync<EchoExchange>($"echo-{style}", async (connection, token) =>
        {
            var (request, clientClosed) = await echo.ReceiveMessageAsync(connection, token);
            int pieces = await echo.SendAsync(connection, request, style, token);
            return (new EchoExchange(request, pieces), clientClosed ? ExchangeEnd.ClientClosed : ExchangeEnd.KeepEchoing);
        }, cancellationToken);
}
