using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Echo.Client;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>The authenticating client under test: one run per <see cref="LoginAnswer"/>.</summary>
public sealed class AuthClientUnderTest(PlayedServer server, string password, string message)
{
    private readonly EchoPlay _echo = new(server);

    public const string RefusalReason = "wrong password";
    private const int MaxLine = 1024;

    public PlayedServer Server => server;

    /// <summary>The message the client was given, which it must send after logging in.</summary>
    public string Message => message;

    /// <summary>The password the client was given, which it must send.</summary>
    public string Password => password;

    public Task<ClientRun<AuthClientExchange>> RunAsync(LoginAnswer answer, CheckContext context) =>
        server.RunAsync<AuthClientExchange>($"auth-{answer}", async (connection, _, token) =>
        {
            var (line, ended, afterLine, closed) = await ReceiveFirstLineAsync(connection, token);
            // Anything more before the answer breaks the protocol: the client must wait for OK or ERR.
            var early = closed ? [] : (await connection.ReceiveWhileTalkingAsync(token)).Data;
            byte[] before = [.. afterLine, .. early];

            if (answer == LoginAnswer.Refused)
            {
                await connection.TrySendAsync(System.Text.Encoding.UTF8.GetBytes($"ERR {RefusalReason}\n"), token);
                return (new AuthClientExchange(line, ended, before, []), ExchangeEnd.GraderCloses);
            }
            if (answer == LoginAnswer.Ok)
            {
                await connection.TrySendAsync("OK\n"u8.ToArray(), token);
            }
            else
            {
                await connection.TrySendAsync("O"u8.ToArray(), token);
                await Task.Delay(EchoPlay.PiecePause, server.Time, token);
                await connection.TrySendAsync("K\n"u8.ToArray(), token);
            }
            // Then the echo server's part: for the message that came early, if it did, or for the one that comes now.
            var (message, clientClosed) = closed || before.Length > 0 ? ([], closed) : await _echo.ReceiveMessageAsync(connection, token);
            byte[] request = [.. before, .. message];
            await _echo.SendAsync(connection, request, EchoStyle.AtOnce, token);
            return (new AuthClientExchange(line, ended, before, request), clientClosed ? ExchangeEnd.ClientClosed : ExchangeEnd.ServeOn);
        }, context);

    // Up to the first \n, the line limit, a pause, or the client's close; also what came after the \n in the same reads.
    private async Task<(byte[] Line, bool Ended, byte[] After, bool Closed)> ReceiveFirstLineAsync(WireConnection connection, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        while (received.Count < MaxLine)
        {
            var more = await connection.ReceiveSomeAsync(received.Count == 0 ? server.Limits.MessageTimeout : server.Wire.QuietPeriod, MaxLine, cancellationToken);
            received.AddRange(more.Data);
            int newline = received.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return ([.. received.Take(newline)], true, [.. received.Skip(newline + 1)], false);
            }
            if (more.Data.Length == 0)
            {
                return ([.. received], false, [], more.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
            }
        }
        return ([.. received], false, [], false);
    }
}
