namespace SocketExercises.Grader.Checks;

/// <summary>A check of a server, which talks to it through the wire; it has ten seconds unless it says otherwise.</summary>
/// <typeparam name="TTarget">The server, as its exercise sees it.</typeparam>
public abstract class ServerCheck<TTarget> : ICheck<TTarget>
{
    public abstract CheckInfo Info { get; }

    public virtual TimeSpan TimeLimit => TimeSpan.FromSeconds(10);

    public virtual bool RunsSideBySide => false;

    public abstract Task RunAsync(TTarget target, CheckContext context);
}
