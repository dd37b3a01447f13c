using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>Exercise 01's client: it sends its message to the echo server and prints the echo (docs/protocol.md §6–§9).</summary>
public sealed class EchoClientExercise : ClientExercise<EchoClientUnderTest>
{
    /// <summary>The message an echo client is expected to send unless told otherwise.</summary>
    public const string DefaultMessage = "Hello, world";

    /// <summary><c>--message</c>: what the client is expected to send.</summary>
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
        return new([], played => new EchoClientUnderTest(played, message), EchoPlay.EchoUntilClientClosesAsync);
    }
}
