using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Echo.Client;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>A client's login line, as the grader playing the server received it.</summary>
/// <param name="Line">The line, without its \n.</param>
/// <param name="Ended">Whether it ended with \n (rather than the client pausing or sending too much).</param>
/// <param name="Early">What the client sent after the line but before the server's answer.</param>
/// <param name="Closed">Whether the client closed before its line ended.</param>
public sealed record LoginLine(byte[] Line, bool Ended, byte[] Early, bool Closed);

/// <summary>
/// The server's part of a login, as the grader plays it to a client: it receives the login line, answers it,
/// and then plays the echo server. Exercise 02's client and exercise 04's, which logs in with a MAC, share it.
/// </summary>
public sealed class LoginPlay(PlayedServer server)
{
    private const int MaxLine = 1024;

    private readonly EchoPlay _echo = new(server);

    /// <summary>The client's login line, and whatever it sent after it before the answer (it must wait).</summary>
    public async Task<LoginLine> ReceiveLoginAsync(WireConnection connection, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        while (received.Count < MaxLine)
        {
            var more = await connection.ReceiveSomeAsync(received.Count == 0 ? server.Limits.MessageTimeout : server.Wire.QuietPeriod, MaxLine, cancellationToken);
            received.AddRange(more.Data);
            int newline = received.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var early = await connection.ReceiveWhileTalkingAsync(cancellationToken);
                return new LoginLine([.. received.Take(newline)], true, [.. received.Skip(newline + 1), .. early.Data], early.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
            }
            if (more.Data.Length == 0)
            {
                bool closed = more.End is ReceiveEnd.Closed or ReceiveEnd.Reset;
                return new LoginLine([.. received], false, closed ? [] : (await connection.ReceiveWhileTalkingAsync(cancellationToken)).Data, closed);
            }
        }
        return new LoginLine([.. received], false, (await connection.ReceiveWhileTalkingAsync(cancellationToken)).Data, false);
    }

    /// <summary>
    /// Answers the login as <paramref name="answer"/> says, then plays the echo server for the message that came
    /// early, if one did, or for the one that comes now. Returns what the client sent to be echoed, and how the run ends.
    /// </summary>
    public async Task<(byte[] Request, ExchangeEnd End)> AnswerAsync(
        WireConnection connection, LoginLine login, LoginAnswer answer, string refusalReason, CancellationToken cancellationToken)
    {
        if (answer == LoginAnswer.Refused)
        {
            await connection.TrySendAsync(System.Text.Encoding.UTF8.GetBytes($"ERR {refusalReason}\n"), cancellationToken);
            return ([], ExchangeEnd.GraderCloses);
        }
        if (answer == LoginAnswer.Ok)
        {
            await connection.TrySendAsync("OK\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            await connection.TrySendAsync("O"u8.ToArray(), cancellationToken);
            await Task.Delay(EchoPlay.PiecePause, server.Time, cancellationToken);
            await connection.TrySendAsync("K\n"u8.ToArray(), cancellationToken);
        }
        var (message, clientClosed) = login.Closed || login.Early.Length > 0 ? ([], login.Closed) : await _echo.ReceiveMessageAsync(connection, cancellationToken);
        byte[] request = [.. login.Early, .. message];
        await _echo.SendAsync(connection, request, EchoStyle.AtOnce, cancellationToken);
        return (request, clientClosed ? ExchangeEnd.ClientClosed : ExchangeEnd.ServeOn);
    }
}
