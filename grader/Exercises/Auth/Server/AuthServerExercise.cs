using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.CodeReview;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Exercises.Auth.Server.Diagnoses;
using SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>Exercise 02's server: the echo server behind a password line (docs/protocol.md §10–§16).</summary>
public sealed class AuthServerExercise : ServerExercise<AuthServerTarget>
{
    /// <summary>The login timeout a running server is graded with unless told otherwise: the exercise programs' own default.</summary>

    /// <summary>
    /// The login timeout the grader gives a server it starts, unless told otherwise: short, so that the check that
    /// waits for it takes a second, not five.
    /// </summary>
    public static readonly TimeSpan StartedLoginTimeout = TimeSpan.FromSeconds(1);

    /// <summary><c>--password</c>: the server's password; made up where the grader starts the server.</summary>
    public static ExerciseOption<string?> Password { get; } = new("--password", () => AuthTexts.HelpServerPassword);

    /// <summary><c>--login-timeout</c>: how long the server gives a client to log in, in seconds.</summary>
    public static ExerciseOption<double?> LoginTimeout { get; } = new("--login-timeout", () => AuthTexts.HelpLoginTimeout)
    {
        Parser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--login-timeout", result),
    };

    public override string Key => "auth-server";

    public override string Project => "02-auth/AuthServer";

    public override string Description => AuthTexts.HelpAuthServer;

    public override string Examples => """
          dotnet run --project grader -- check auth-server --start "dotnet run --project solutions/02-auth/AuthServer"
          dotnet run --project grader -- check auth-server --port 65432 --password "$SOCKET_PASSWORD"
        """;

    public override IReadOnlyList<ExerciseOption> Options => [Password, LoginTimeout];

    public override IReadOnlyList<IDiagnoser> Diagnosers { get; } =
    [
        new UsesOwnPassword("auth"),
        new ServesOneClientAtATime("auth", "auth.silent-client-delays-no-one", ["auth.accepts-right-password", "auth.survives-bad-logins"], "auth.login-timeout"),
    ];

    protected override IReadOnlyList<ICheck<AuthServerTarget>> ServerChecks { get; } =
    [
        new AuthAcceptsConnection(),
        new AcceptsRightPassword(),
        // Concurrency before the checks that run side by side (from the wrong password to the login timeout).
        new SilentClientDelaysNoOne<AuthServerTarget>(new("auth.silent-client-delays-no-one", "§15", AuthTexts.ResourceManager)),
        new RejectsWrongPassword(),
        .. RefusesLines.All,
        new KeepsDataAfterLogin(),
        new AcceptsLoginInPieces(),
        new RefusesLongLine(),
        new EchoesNothingBeforeLogin(),
        new EnforcesLoginTimeout<AuthServerTarget>(new("auth.login-timeout", "§14", AuthTexts.ResourceManager)),
        new SurvivesBadLogins(),
        new RequiresPassword<AuthServerTarget>(new("auth.requires-password", "§16", AuthTexts.ResourceManager)),
        // Last, so that the output it reads holds every login the other checks made.
        new KeepsPasswordSecret<AuthServerTarget>(new("auth.password-kept-secret", "§16", AuthTexts.ResourceManager)),
    ];

    /// <summary>The lesson of the exercise that the wire can't show: timing can't be judged reliably over loopback, the code can.</summary>
    public override IReadOnlyList<CodeCheck> CodeChecks { get; } =
    [
        new(new("auth.compares-in-constant-time", "§16", AuthTexts.ResourceManager), Analyzer.SecurityRules.ConstantTimeComparison.Id, Needs: "auth.accepts-right-password"),
    ];

    protected override ServerSetup<AuthServerTarget> Setup(ExerciseArguments arguments)
    {
        var (settings, password, loginTimeout) = Configure(arguments);
        return new(settings, (server, started) => new AuthServerTarget(server, password, loginTimeout, started))
        {
            Note = new("auth.accepts-right-password", EavesdropperNote(password)),
        };
    }

    /// <summary>Exercise 02's lesson for the next one: what anyone on the path read of a login.</summary>
    internal static string EavesdropperNote(string password) =>
        AuthTexts.FormatEavesdropperNote(AuthExchange.Show(AuthServerTarget.Line("AUTH " + password)));

    /// <summary>
    /// The password and login timeout a password server is graded with, and the settings a started one is given:
    /// for this exercise and exercise 04, whose server grows from this one.
    /// </summary>
    /// <exception cref="ExerciseException">The server runs already, and no password was given.</exception>
    internal static (IReadOnlyList<Running.ProgramSetting> Settings, string Password, TimeSpan LoginTimeout) Configure(ExerciseArguments arguments)
    {
        string password = arguments.Get(Password) ?? (arguments.GraderRunsProgram
            ? Passwords.Make()
            : throw new ExerciseException(AuthTexts.ErrorPasswordNeeded, ExitCodes.Usage));
        var loginTimeout = arguments.Get(LoginTimeout) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : arguments.GraderRunsProgram ? StartedLoginTimeout : Settings.DefaultLoginTimeout;
        return (AuthServerTarget.Settings(password, loginTimeout), password, loginTimeout);
    }
}
