namespace SocketExercises.Grader.Transcripts;

/// <summary>What happened on a connection, as one line of a transcript says it.</summary>
public enum WireEventKind
{
    /// <summary>The connection was made.</summary>
    Connected,

    /// <summary>The grader, playing the server, accepted a client's connection.</summary>
    Accepted,

    /// <summary>The grader sent bytes.</summary>
    Sent,

    /// <summary>The grader received bytes.</summary>
    Received,

    /// <summary>The grader shut down its sending side (a half-close).</summary>
    GraderShutdown,

    /// <summary>The grader reset the connection on purpose.</summary>
    GraderReset,

    /// <summary>The peer closed its sending side: a read returned 0 bytes.</summary>
    PeerClosed,

    /// <summary>The peer reset the connection, or it broke.</summary>
    PeerReset,

    /// <summary>The grader waited and nothing more arrived.</summary>
    Silence,

    /// <summary>Something beside the bytes, such as a client program starting or exiting.</summary>
    Note,
}

/// <summary>One line of a transcript.</summary>
/// <param name="At">When, from the start of the check (or of the client run the check judged).</param>
/// <param name="Party">Whose connection: "client 2", "the grader".</param>
/// <param name="Data">The bytes sent or received; empty for other kinds.</param>
/// <param name="Text">What a <see cref="WireEventKind.Note"/> or <see cref="WireEventKind.Silence"/> says.</param>
public sealed record WireEvent(TimeSpan At, string Party, WireEventKind Kind, byte[] Data, string? Text = null);
