using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>The authenticating client under test: one run per <see cref="LoginAnswer"/>.</summary>
public sealed class AuthClientUnderTest(PlayedServer server, string password, string message)
{
    private readonly LoginPlay _login = new(server);

    public const string RefusalReason = "wrong password";

    public PlayedServer Server => server;

    /// <summary>The message the client was given, which it must send after logging in.</summary>
    public string Message => message;

    /// <summary>The password the client was given, which it must send.</summary>
    public string Password => password;

    public Task<ClientRun<AuthClientExchange>> RunAsync(LoginAnswer answer, CheckContext context) =>
        server.RunAsync<AuthClientExchange>($"auth-{answer}", async (connection, _, token) =>
        {
            var login = await _login.ReceiveLoginAsync(connection, token);
            var (request, end) = await _login.AnswerAsync(connection, login, answer, RefusalReason, token);
            return (new AuthClientExchange(login.Line, login.Ended, login.Early, request), end);
        }, context);
}
