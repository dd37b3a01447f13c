namespace SocketExercises.Grader.Checks;

/// <summary>A check, whatever it talks to: what it is and how long it may take.</summary>
public interface ICheck
{
    CheckInfo Info { get; }

    /// <summary>The longest the check may take; past it the check fails.</summary>
    TimeSpan TimeLimit { get; }

    /// <summary>
    /// Whether the check needs nothing of its target but connections of its own, and leaves it as it found it, so
    /// that it may run alongside the checks next to it that say the same (see <see cref="CheckRunner"/>).
    /// Most of such a check's time is waiting: for bytes that must not come, or for pieces sent with pauses.
    /// </summary>
    bool RunsSideBySide => false;
}

/// <summary>
/// One behaviour of a server or client, checked on the wire. A check passes by returning, and fails by
/// throwing <see cref="CheckFailedException"/> with a message that shows what was expected and what happened.
/// Checks are made plainly, once, and keep no state between runs: what a run needs comes in its context.
/// </summary>
/// <typeparam name="TTarget">What the check talks to: a server to connect to, or a client to run.</typeparam>
public interface ICheck<in TTarget> : ICheck
{
    Task RunAsync(TTarget target, CheckContext context);
}

/// <summary>Thrown by a check that saw the server or client break its requirement.</summary>
/// <param name="hint">
/// The hint for what this failure showed, where the check's own (written for its usual mistake) would point
/// elsewhere; null for the check's own. A diagnosis still comes first.
/// </param>
public sealed class CheckFailedException(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
}

/// <summary>
/// The check failed, and what it found missing is what every later check builds on (exercise 04's challenge, say):
/// the later checks are skipped and say why, rather than each failing the same way after its own wait.
/// </summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);
