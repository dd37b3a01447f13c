using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Auth.Server.Diagnoses;
using SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>Exercise 04's server: the echo server behind a challenge and an HMAC (docs/protocol.md §27–§31).</summary>
public sealed class ChallengeServerExercise : ServerExercise<ChallengeServerTarget>
{
    public override string Key => "challenge-server";

    public override string Project => "04-challenge/ChallengeServer";

    public override string Description => ChallengeTexts.HelpChallengeServer;

    public override string Examples => """
          dotnet run --project grader -- check challenge-server --start "dotnet run --project solutions/04-challenge/ChallengeServer"
          dotnet run --project grader -- check challenge-server --port 65432 --password "$SOCKET_PASSWORD"
        """;

    // The same options as exercise 02's server, which it grows from: a password and a login timeout.
    public override IReadOnlyList<ExerciseOption> Options => [AuthServerExercise.Password, AuthServerExercise.LoginTimeout];

    public override IReadOnlyList<IDiagnoser> Diagnosers { get; } =
    [
        new UsesOwnPassword("challenge"),
        new ServesOneClientAtATime("challenge", "challenge.silent-client-delays-no-one", ["challenge.accepts-right-mac", "challenge.keeps-serving"], "challenge.login-timeout"),
    ];

    protected override IReadOnlyList<ICheck<ChallengeServerTarget>> ServerChecks { get; } =
    [
        new SendsChallenge(),
        new NonceForm(),
        new FreshNonces(),
        new AcceptsRightMac(),
        // Concurrency before the checks that run side by side (from the upper-case MAC to the login timeout).
        new SilentClientDelaysNoOne<ChallengeServerTarget>(new("challenge.silent-client-delays-no-one", "§15", ChallengeTexts.ResourceManager)),
        new AcceptsUpperCase(),
        new KeepsDataAfterLogin(),
        new RejectsWrongMac(),
        new RejectsChangedLastByte(),
        new RejectsPartialMac(),
        new RejectsOtherLines(),
        new RejectsPasswordInClear(),
        new RejectsReplay(),
        new RefusesLongLine(),
        new EnforcesLoginTimeout<ChallengeServerTarget>(new("challenge.login-timeout", "§14", ChallengeTexts.ResourceManager)),
        new KeepsServing(),
        new RequiresPassword<ChallengeServerTarget>(new("challenge.requires-password", "§31", ChallengeTexts.ResourceManager)),
        // Last, so that the output it reads holds every login the other checks made.
        new KeepsPasswordSecret<ChallengeServerTarget>(new("challenge.password-kept-secret", "§31", ChallengeTexts.ResourceManager)),
    ];

    protected override ServerSetup<ChallengeServerTarget> Setup(ExerciseArguments arguments)
    {
        var (settings, password, loginTimeout) = AuthServerExercise.Configure(arguments);
        return new(settings, (server, started) => new ChallengeServerTarget(server, password, loginTimeout, started));
    }
}
