using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks;

/// <summary>What one run of a check gets besides its target.</summary>
/// <param name="Payloads">Its payloads, made from the run's seed and the check's id.</param>
/// <param name="Time">The clock: pauses wait on it, so tests can move it.</param>
/// <param name="Limits">How long the wire waits and how much it reads: the reply timeout is the one <paramref name="Patience"/> gives this check.</param>
/// <param name="Transcript">Where the check's connections write what was sent and received.</param>
/// <param name="Patience">Learns from the check's connections how promptly the server replies.</param>
/// <param name="Cancellation">Ends the check at its time limit, or when grading is interrupted.</param>
public sealed record CheckContext(
    Payloads Payloads, TimeProvider Time, WireLimits Limits, Transcript Transcript, Patience Patience, CancellationToken Cancellation)
{
    /// <summary>The run of a client that the check judged, for the report and for diagnoses: what it printed, how it ended.</summary>
    public ClientSession? Session { get; set; }

    /// <summary>
    /// Whether the check runs alongside others (<see cref="ICheck.RunsSideBySide"/>): the server has shown it serves
    /// clients at once, so the check may use several clients at once too, to wait through its quiet periods together.
    /// </summary>
    public bool SideBySide { get; init; }
}
