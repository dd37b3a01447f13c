using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// Exercise 03's client: it joins the room, sends what the user types and prints what arrives, both at once
/// (docs/protocol.md §26). The grader plays the server and the user: it types to the client's standard input.
/// </summary>
public sealed class ChatClientExercise : ClientExercise<ChatClientUnderTest>
{
    /// <summary>The name the grader gives a client unless told otherwise: Croatian letters, two bytes each in UTF-8.</summary>
    public const string DefaultNick = "Đurđa";

    /// <summary><c>--nick</c>: the name the grader gives the client, and expects it to join with.</summary>
    public static ExerciseOption<string> Nick { get; } = new("--nick", () => ChatTexts.HelpNick)
    {
        DefaultValue = () => DefaultNick,
    };

    public override string Key => "chat-client";

    public override string Project => "03-chat/ChatClient";

    public override string Description => ChatTexts.HelpChatClient;

    public override string Examples => """
          dotnet run --project grader -- check chat-client --client "dotnet run --project solutions/03-chat/ChatClient -- --port {port}"
          dotnet run --project grader -- check chat-client --client "python3 chat_client.py" --listen-port 65432 --nick Ana
        """;

    public override IReadOnlyList<ExerciseOption> Options => [Nick];

    protected override IReadOnlyList<ICheck<ChatClientUnderTest>> ClientChecks { get; } =
    [
        new ChatClientConnects(),
        new SendsNick(),
        new WaitsForOk(),
        new SendsTypedLines(),
        new PrintsWhileIdle(),
        new PrintsEachKind(),
        new PrintsLinesInPieces(),
        new HalfClosesAtEnd(),
        new ReportsRefusedName(),
    ];

    protected override ClientSetup<ChatClientUnderTest> Setup(ExerciseArguments arguments)
    {
        string nick = arguments.Get(Nick) ?? DefaultNick;
        return new(
            [new ProgramSetting("nick", Settings.NickVariable, nick) { ShellQuoted = true }],
            played => new ChatClientUnderTest(played, nick),
            ChatClientUnderTest.ReadUntilClientClosesAsync)
        {
            KeepInput = true,
        };
    }
}
