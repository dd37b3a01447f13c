using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>A check of the challenge client (docs/protocol.md, exercise 04), judged from one run.</summary>
public abstract class ChallengeClientCheck : ClientCheck<ChallengeClientUnderTest, ChallengeClientExchange>
{
    protected virtual ChallengeRun Run => ChallengeRun.Ok;

    protected override Task<ClientRun<ChallengeClientExchange>> RunClientAsync(ChallengeClientUnderTest target, CheckContext context) =>
        target.RunAsync(Run, context);
}
