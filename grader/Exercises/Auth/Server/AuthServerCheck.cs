using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>A check of the authenticating server (docs/protocol.md, exercise 02).</summary>
public abstract class AuthServerCheck : ICheck<AuthServerTarget>
{
    public abstract CheckInfo Info { get; }

    public virtual TimeSpan TimeLimit => TimeSpan.FromSeconds(10);

    public abstract Task RunAsync(AuthServerTarget target, CheckContext context);
}
