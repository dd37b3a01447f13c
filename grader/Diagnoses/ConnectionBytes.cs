using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Diagnoses;

/// <summary>
/// What went each way on one connection of a check, put back together from its transcript: the evidence most
/// diagnoses read. <see cref="Sent"/> is what the grader sent, <see cref="Received"/> what came back.
/// </summary>
/// <param name="Party">The connection's name in the transcript: "the client", "client 3".</param>
/// <param name="Sent">Every byte the grader sent on it, in order.</param>
/// <param name="Received">Every byte the grader received on it, in order.</param>
/// <param name="Ended">How it ended from the other side: closed, reset, or (null) neither.</param>
/// <param name="GraderShutdown">Whether the grader half-closed it first.</param>
/// <param name="Silence">Whether the grader waited on it and nothing more came.</param>
public sealed record ConnectionBytes(string Party, byte[] Sent, byte[] Received, WireEventKind? Ended, bool GraderShutdown, bool Silence)
{
    /// <summary>The connections of a transcript, in the order they first appear.</summary>
    public static IReadOnlyList<ConnectionBytes> Of(IReadOnlyList<WireEvent> transcript) =>
    [
        .. transcript
            .GroupBy(e => e.Party)
            .Select(events => new ConnectionBytes(
                events.Key,
                [.. events.Where(e => e.Kind == WireEventKind.Sent).SelectMany(e => e.Data)],
                [.. events.Where(e => e.Kind == WireEventKind.Received).SelectMany(e => e.Data)],
                events.LastOrDefault(e => e.Kind is WireEventKind.PeerClosed or WireEventKind.PeerReset)?.Kind,
                events.Any(e => e.Kind == WireEventKind.GraderShutdown),
                events.Any(e => e.Kind == WireEventKind.Silence))),
    ];

    /// <summary>Where what came back first differs from what was sent: the length of their common start.</summary>
    public int FirstDifference()
    {
        int common = Sent.AsSpan().CommonPrefixLength(Received);
        return common;
    }

    /// <summary>How many bytes from <paramref name="start"/> on came back as zeros, in a row.</summary>
    public int ZerosFrom(int start)
    {
        var rest = Received.AsSpan(start);
        int nonZero = rest.IndexOfAnyExcept((byte)0);
        return nonZero < 0 ? rest.Length : nonZero;
    }
}
