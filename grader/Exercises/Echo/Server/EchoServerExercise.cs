using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>Exercise 01's server: it echoes every byte back to every client (docs/protocol.md §1–§5).</summary>
public sealed class EchoServerExercise : ServerExercise<ServerTarget>
{
    public override string Key => "echo-server";

    public override string Project => "01-echo/EchoServer";

    public override string Description => EchoTexts.HelpEchoServer;

    public override string Examples => """
          dotnet run --project grader -- check echo-server --port 65432
          dotnet run --project grader -- check echo-server --start "dotnet run --project solutions/01-echo/EchoServer"
          dotnet run --project grader -- check echo-server --start "python3 server.py" --json report.json
        """;

    // Reachability first, so an unreachable server is reported once; then concurrency, which a server must have
    // shown before the checks after it run side by side (each with a connection of its own, most of them waiting);
    // the reset check last, because a server that dies of it leaves nothing to check after.
    protected override IReadOnlyList<ICheck<ServerTarget>> ServerChecks { get; } =
    [
        new AcceptsConnection(),
        new ServesSecondClient(),
        new ServesClientsConcurrently(),
        new EchoesShortMessage(),
        new EchoesUtf8Text(),
        new EchoesAllByteValues(),
        new EchoesOneByteAtATime(),
        new EchoesSeveralMessages(),
        new EchoesLargePayload(),
        new ClosesAfterHalfClose(),
        new SendsNothingExtra(),
        new SurvivesReset(),
    ];

    // The surest first: zeros after an echo are the whole buffer whatever else the bytes look like.
    public override IReadOnlyList<IDiagnoser> Diagnosers { get; } =
    [
        new SendsWholeBuffer(),
        new BytesThroughText(),
        new ClosesAfterOneReceive(),
        new WaitsForFullBuffer(),
        new SendsOwnText(),
        new ServesOneClientAtATime("echo", "echo.concurrent-clients", ["echo.short-message", "echo.second-client"]),
    ];

    protected override ServerSetup<ServerTarget> Setup(ExerciseArguments arguments) => new([], (server, _) => server);
}
