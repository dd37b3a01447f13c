using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth;
using SocketExercises.Grader.Exercises.Auth.Client;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Echo.Client;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>Exercise 04's client: it answers a challenge with an HMAC, then works as the echo client (docs/protocol.md §32).</summary>
public sealed class ChallengeClientExercise : ClientExercise<ChallengeClientUnderTest>
{
    public override string Key => "challenge-client";

    public override string Project => "04-challenge/ChallengeClient";

    public override string Description => ChallengeTexts.HelpChallengeClient;

    public override string Examples => """
          dotnet run --project grader -- check challenge-client --client "dotnet run --project solutions/04-challenge/ChallengeClient -- --port {port}"
          dotnet run --project grader -- check challenge-client --client "python3 client.py" --listen-port 65432 --password secret
        """;

    public override IReadOnlyList<ExerciseOption> Options => [AuthClientExercise.Password, EchoClientExercise.Message];

    protected override IReadOnlyList<ICheck<ChallengeClientUnderTest>> ClientChecks { get; } =
    [
        new ChallengeClientConnects(),
        new WaitsForChallenge(),
        new AnswersChallenge(),
        new KeepsPasswordSecret(),
        new WaitsForVerdict(),
        new EchoesAfterLogin(),
        new ChallengeInPieces(),
        new ReportsRefusal(),
    ];

    protected override ClientSetup<ChallengeClientUnderTest> Setup(ExerciseArguments arguments)
    {
        string password = arguments.Get(AuthClientExercise.Password) ?? Passwords.Make();
        string message = arguments.Get(EchoClientExercise.Message) ?? EchoClientExercise.DefaultMessage;
        return new(
            [AuthServerTarget.PasswordSetting(password), EchoClientExercise.MessageSetting(message)],
            played => new ChallengeClientUnderTest(played, password, message),
            EchoPlay.EchoUntilClientClosesAsync);
    }
}
