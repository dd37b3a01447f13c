namespace SocketExercises.Grader.Checks;

/// <summary>What <see cref="IRevival.ReviveAsync"/> did.</summary>
public enum Revival
{
    /// <summary>The target was up, or there is no way to bring it back: nothing was done.</summary>
    NotNeeded,

    /// <summary>The target had gone and was started again.</summary>
    Restarted,

    /// <summary>The target had gone and could not be started again.</summary>
    Failed,
}

/// <summary>
/// Brings a target back between checks. A server the grader started, which exited (as a server that serves
/// one client and ends does), is started again, so every check still learns what the server does.
/// </summary>
public interface IRevival
{
    /// <param name="afterCheck">The check that has just run, for the report's notes.</param>
    /// <param name="unreachable">That check could not reach the target: it is likely down, or going down.</param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    Task<Revival> ReviveAsync(CheckInfo afterCheck, bool unreachable, CancellationToken cancellationToken);
}
