using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Exercises.Echo.Client.Diagnoses;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>Exercise 01's client: it sends its message to the echo server and prints the echo (docs/protocol.md §6–§9).</summary>
public sealed class EchoClientExercise : ClientExercise<EchoClientUnderTest>
{
    /// <summary>
    /// The message the grader gives a client unless told otherwise: Croatian letters take two bytes each in
    /// UTF-8 and the wave four (it is outside the Basic Multilingual Plane, a surrogate pair in C#'s strings),
    /// so a client that encodes or decodes with anything but UTF-8 shows it.
    /// </summary>
    public const string DefaultMessage = "Dobar dan, čćžšđ! 👋";

    /// <summary><c>--message</c>: the message the grader gives the client, and expects it to send.</summary>
    public static ExerciseOption<string> Message { get; } = new("--message", () => EchoTexts.HelpMessage)
    {
        DefaultValue = () => DefaultMessage,
    };

    public override string Key => "echo-client";

    public override string Project => "01-echo/EchoClient";

    public override string Description => EchoTexts.HelpEchoClient;

    public override string Examples => """
          dotnet run --project grader -- check echo-client --client "dotnet run --project solutions/01-echo/EchoClient -- --port {port}"
          dotnet run --project grader -- check echo-client --client "python3 client.py" --listen-port 65432
        """;

    public override IReadOnlyList<ExerciseOption> Options => [Message];

    /// <summary>The message as a client is handed it: SOCKET_MESSAGE, and <c>{message}</c> in its command, quoted for the shell.</summary>
    public static ProgramSetting MessageSetting(string message) => new("message", Settings.MessageVariable, message) { ShellQuoted = true };

    public override IReadOnlyList<IDiagnoser> Diagnosers { get; } = [new WaitsForServerToClose(), new PrintsOneReceive()];

    protected override IReadOnlyList<ICheck<EchoClientUnderTest>> ClientChecks { get; } =
    [
        new Connects(),
        new SendsMessage(),
        new PrintsEcho(),
        new ReassemblesPieces(),
        new ExitsZero(),
    ];

    protected override ClientSetup<EchoClientUnderTest> Setup(ExerciseArguments arguments)
    {
        string message = arguments.Get(Message) ?? DefaultMessage;
        return new([MessageSetting(message)], played => new EchoClientUnderTest(played, message), EchoPlay.EchoUntilClientClosesAsync);
    }
}
