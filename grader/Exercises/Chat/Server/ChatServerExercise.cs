using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Exercises.Chat.Server.Diagnoses;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>Exercise 03's server: a chat room, where every line a member sends reaches all the others (docs/protocol.md §18–§25).</summary>
public sealed class ChatServerExercise : ServerExercise<ServerTarget>
{
    public override string Key => "chat-server";

    public override string Project => "03-chat/ChatServer";

    public override string Description => ChatTexts.HelpChatServer;

    public override string Examples => """
          dotnet run --project grader -- check chat-server --start "dotnet run --project solutions/03-chat/ChatServer"
          dotnet run --project grader -- check chat-server --port 65432
          dotnet run --project grader -- check chat-server --start "python3 chat_server.py" --json report.json
        """;

    // Each check joins with names of its own, so a server that frees a name late fails one check, not the
    // ones after. The heavy checks come last, and the one that asks whether the server survived them at the end.
    protected override IReadOnlyList<ICheck<ServerTarget>> ServerChecks { get; } =
    [
        new ChatAcceptsConnection(),
        new SendsNothingFirst(),
        new Joins(),
        new RefusesTakenName(),
        new RefusesInvalidName(),
        new RefusesLineBeforeJoin(),
        new AnnouncesJoin(),
        new DeliversToOthers(),
        new DeliversUtf8(),
        new DeliversLineInPieces(),
        new DeliversLinesInOnePacket(),
        new AnnouncesLeave(),
        new RefusesInvalidUtf8(),
        new RefusesLongLine(),
        new KeepsOrderUnderLoad(),
        new SlowReaderDelaysNoOne(),
        new DropsSlowReader(),
        new ServesManyClients(),
        new KeepsServing(),
    ];

    public override IReadOnlyList<IDiagnoser> Diagnosers { get; } = [new SendsToSender()];

    protected override ServerSetup<ServerTarget> Setup(ExerciseArguments arguments) => new([], (server, _) => server);
}
