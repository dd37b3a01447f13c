using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>A check of the echo server (docs/protocol.md, part 1).</summary>
public abstract class EchoServerCheck : ICheck<ServerTarget>
{
    public abstract CheckInfo Info { get; }

    public virtual TimeSpan TimeLimit => TimeSpan.FromSeconds(10);

    public abstract Task RunAsync(ServerTarget target, CheckContext context);
}
