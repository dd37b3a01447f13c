namespace SocketExercises.Grader.Transcripts;

/// <summary>
/// Holds the transcript of the check that is running, for the connections it opens to write to. Checks run
/// one at a time (see <see cref="Checks.CheckRunner"/>), so there is one current transcript at a time.
/// </summary>
public sealed class TranscriptRecorder(TimeProvider time)
{
    /// <summary>The running check's transcript; null between checks.</summary>
    public Transcript? Current { get; private set; }

    /// <summary>Starts a new transcript, current until the next one starts.</summary>
    public Transcript Begin()
    {
        Current = new Transcript(time);
        return Current;
    }

    /// <summary>A transcript of its own, for an exchange shared by several checks (a client run).</summary>
    public Transcript Detached() => new(time);
}
