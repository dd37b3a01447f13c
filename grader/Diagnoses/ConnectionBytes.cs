using System.Runtime.CompilerServices;
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
public sealed record ConnectionBytes(string Party, byte[] Sent, byte[] Received, WireEventKind? Ended, bool GraderShutdown)
{
    // Each diagnoser reads the connections of every failed check, a megabyte each for the large payload: they are
    // put together once per transcript, and forgotten with it.
    private static readonly ConditionalWeakTable<IReadOnlyList<WireEvent>, IReadOnlyList<ConnectionBytes>> Made = [];

    /// <summary>The connections of a transcript, in the order they first appear.</summary>
    public static IReadOnlyList<ConnectionBytes> Of(IReadOnlyList<WireEvent> transcript) => Made.GetValue(transcript, events =>
    [
        .. events
            .GroupBy(e => e.Party)
            .Select(party => new ConnectionBytes(
                party.Key,
                [.. party.Where(e => e.Kind == WireEventKind.Sent).SelectMany(e => e.Data)],
                [.. party.Where(e => e.Kind == WireEventKind.Received).SelectMany(e => e.Data)],
                party.LastOrDefault(e => e.Kind is WireEventKind.PeerClosed or WireEventKind.PeerReset)?.Kind,
                party.Any(e => e.Kind == WireEventKind.GraderShutdown))),
    ]);

    /// <summary>The connection named <paramref name="party"/> in a transcript, if it has one.</summary>
    public static ConnectionBytes? Of(IReadOnlyList<WireEvent> transcript, string party) =>
        Of(transcript).FirstOrDefault(connection => connection.Party == party);

    /// <summary>Where what came back first differs from what was sent: the length of their common start.</summary>
    public int FirstDifference() => Sent.AsSpan().CommonPrefixLength(Received);

    /// <summary>How many bytes from <paramref name="start"/> on came back as zeros, in a row.</summary>
    public int ZerosFrom(int start)
    {
        var rest = Received.AsSpan(start);
        int nonZero = rest.IndexOfAnyExcept((byte)0);
        return nonZero < 0 ? rest.Length : nonZero;
    }
}
