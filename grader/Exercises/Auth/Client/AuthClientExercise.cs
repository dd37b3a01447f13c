using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Echo.Client;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>Exercise 02's client: it logs in with its password, then works as the echo client (docs/protocol.md §17).</summary>
public sealed class AuthClientExercise : ClientExercise<AuthClientUnderTest>
{
    /// <summary><c>--password</c>: the password to hand the client; made up when not given.</summary>
    public static ExerciseOption<string?> Password { get; } = new("--password", () => AuthTexts.HelpClientPassword);

    public override string Key => "auth-client";

    public override string Project => "02-auth/AuthClient";

    public override string Description => AuthTexts.HelpAuthClient;

    public override string Examples => """
          dotnet run --project grader -- check auth-client --client "dotnet run --project solutions/02-auth/AuthClient -- --port {port}"
          dotnet run --project grader -- check auth-client --client "python3 client.py" --listen-port 65432 --password secret
        """;

    public override IReadOnlyList<ExerciseOption> Options => [Password, EchoClientExercise.Message];

    protected override IReadOnlyList<ICheck<AuthClientUnderTest>> ClientChecks { get; } =
    [
        new AuthClientConnects(),
        new SendsAuthLine(),
        new WaitsForAnswer(),
        new EchoesAfterLogin(),
        new ReadsOkInPieces(),
        new ReportsRefusal(),
    ];

    protected override ClientSetup<AuthClientUnderTest> Setup(ExerciseArguments arguments)
    {
        string password = arguments.Get(Password) ?? Passwords.Make();
        string message = arguments.Get(EchoClientExercise.Message) ?? EchoClientExercise.DefaultMessage;
        return new(
            [AuthServerTarget.PasswordSetting(password), EchoClientExercise.MessageSetting(message)],
            played => new AuthClientUnderTest(played, password, message),
            EchoPlay.EchoUntilClientClosesAsync)
        {
            // The line it sent was the password in clear: sends-auth passing says so.
            Note = new("auth-client.sends-auth", AuthServerExercise.EavesdropperNote(password)),
        };
    }
}
