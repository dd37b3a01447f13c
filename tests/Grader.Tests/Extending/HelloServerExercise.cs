using System.Resources;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests.Extending;

/// <summary>
/// An exercise the kit does not have, written only against the grader's public extension point: a server
/// that greets each client with <c>HELLO\n</c>. Its texts (<c>HelloTexts.resx</c>) and points
/// (<c>hello-server.points.json</c>) sit beside it, as a kit exercise's do in its folder.
/// </summary>
public sealed class HelloServerExercise : ServerExercise<ServerTarget>
{
    private static readonly ResourceManager Texts = new("SocketExercises.Grader.Tests.Extending.HelloTexts", typeof(HelloServerExercise).Assembly);

    public override string Key => "hello-server";

    public override string Project => "99-hello/HelloServer";

    public override string Description => "Grades a server that greets every client with HELLO.";

    public override string Examples => "  dotnet run --project grader -- check hello-server --start \"python3 server.py\"";

    protected override IReadOnlyList<ICheck<ServerTarget>> ServerChecks { get; } = [new SaysHello()];

    protected override ServerSetup<ServerTarget> Setup(ExerciseArguments arguments) => new([], (server, _) => server);

    private sealed class SaysHello : ICheck<ServerTarget>
    {
        private static readonly byte[] Hello = "HELLO\n"u8.ToArray();

        public CheckInfo Info { get; } = new("hello.says-hello", "§1", Texts);

        public TimeSpan TimeLimit => TimeSpan.FromSeconds(5);

        public async Task RunAsync(ServerTarget target, CheckContext context)
        {
            await using var client = await target.ConnectAsync("the client", context);
            var received = await client.ReceiveAsync(Hello.Length, context.Cancellation);
            if (!received.Data.AsSpan().SequenceEqual(Hello))
            {
                throw new CheckFailedException($"Expected HELLO, received {ByteText.Quote(received.Data)}.\n{ByteDiff.Describe(Hello, received.Data)}");
            }
        }
    }
}
