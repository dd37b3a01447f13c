using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>A check of the authenticating client (docs/protocol.md, exercise 02), judged from one run.</summary>
public abstract class AuthClientCheck : ClientCheck<AuthClientUnderTest, AuthClientExchange>
{
    protected virtual LoginAnswer Answer => LoginAnswer.Ok;

    protected override Task<ClientRun<AuthClientExchange>> RunClientAsync(AuthClientUnderTest target, CheckContext context) =>
        target.RunAsync(Answer, context);
}
