using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Transcripts;

/// <summary>
/// A transcript as lines a student reads: when, whose connection, what happened, and the bytes, escaped
/// (<c>\r\n</c> visible) when they are text and as a hex view when they are not. Long payloads and long
/// transcripts are shortened in the middle, where the least is lost.
/// </summary>
public static class TranscriptText
{
    /// <summary>Events shown when only the part around a failure is asked for: the failure is at the end.</summary>
    public const int TailEvents = 8;

    // A verbose transcript keeps its first and last events; a 1 MiB exchange is hundreds of pieces.
    private const int KeptAtEachEnd = 15;
    private const int TextBytesShown = 96;
    private const int HexBytesPerLine = 16;
    private const int HexLinesAtEachEnd = 2;

    /// <summary>Every event, or the first and last of a very long transcript.</summary>
    public static IReadOnlyList<string> All(IReadOnlyList<WireEvent> events) =>
        events.Count <= 2 * KeptAtEachEnd
            ? Lines(events)
            : [.. Lines(events.Take(KeptAtEachEnd)), Omitted(events.Count - 2 * KeptAtEachEnd), .. Lines(events.TakeLast(KeptAtEachEnd))];

    /// <summary>The last events, where a check's failure happened.</summary>
    public static IReadOnlyList<string> Tail(IReadOnlyList<WireEvent> events) =>
        events.Count <= TailEvents
            ? Lines(events)
            : [Strings.FormatTranscriptEarlier(events.Count - TailEvents), .. Lines(events.TakeLast(TailEvents))];

    private static string Omitted(int count) => Strings.FormatTranscriptOmitted(count);

    private static List<string> Lines(IEnumerable<WireEvent> shown)
    {
        var events = shown.ToList();
        int partyWidth = events.Count == 0 ? 0 : events.Max(e => e.Party.Length);
        int timeWidth = events.Count == 0 ? 0 : events.Max(e => Time(e).Length);
        var lines = new List<string>();
        foreach (var e in events)
        {
            string lead = $"{Time(e).PadLeft(timeWidth)}  {e.Party.PadRight(partyWidth)}  ";
            var (what, detail) = Describe(e);
            lines.Add(lead + what + (detail.Count > 0 && detail[0].Length > 0 && !IsHex(e) ? " " + detail[0] : ""));
            if (IsHex(e))
            {
                lines.AddRange(detail.Select(d => new string(' ', lead.Length + 2) + d));
            }
        }
        return lines;
    }

    private static string Time(WireEvent e) => "+" + Durations.Format(e.At);

    private static bool IsHex(WireEvent e) => e.Data.Length > 0 && !ByteText.IsText(e.Data);

    private static (string What, IReadOnlyList<string> Detail) Describe(WireEvent e) => e.Kind switch
    {
        WireEventKind.Connected => (Strings.TranscriptConnected, []),
        WireEventKind.Accepted => (Strings.TranscriptAccepted, []),
        WireEventKind.Sent => (Strings.FormatTranscriptSent(Counted.Bytes(e.Data.Length)), Bytes(e.Data)),
        WireEventKind.Received => (Strings.FormatTranscriptReceived(Counted.Bytes(e.Data.Length)), Bytes(e.Data)),
        WireEventKind.GraderShutdown => (Strings.TranscriptGraderShutdown, []),
        WireEventKind.GraderReset => (Strings.TranscriptGraderReset, []),
        WireEventKind.PeerClosed => (Strings.TranscriptPeerClosed, []),
        WireEventKind.PeerReset => (Strings.TranscriptPeerReset, []),
        WireEventKind.Silence => (Strings.FormatTranscriptSilence(e.Text), []),
        _ => (e.Text ?? "", []),
    };

    private static List<string> Bytes(byte[] data) =>
        ByteText.IsText(data) ? [ByteText.Quote(data, TextBytesShown)] : Hex(data);

    // Offsets, hex, and the printable ASCII beside them, as hexdump -C shows bytes.
    private static List<string> Hex(byte[] data)
    {
        int lineCount = (data.Length + HexBytesPerLine - 1) / HexBytesPerLine;
        var lines = new List<string>();
        for (int line = 0; line < lineCount; line++)
        {
            if (lineCount > 2 * HexLinesAtEachEnd && line == HexLinesAtEachEnd)
            {
                int skipped = lineCount - 2 * HexLinesAtEachEnd;
                lines.Add(Strings.FormatTranscriptHexOmitted(skipped * HexBytesPerLine));
                line = lineCount - HexLinesAtEachEnd - 1;
                continue;
            }
            var bytes = data.AsSpan(line * HexBytesPerLine, Math.Min(HexBytesPerLine, data.Length - line * HexBytesPerLine));
            string hex = string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2")));
            string ascii = new([.. bytes.ToArray().Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.')]);
            lines.Add($"{line * HexBytesPerLine:x8}  {hex.PadRight(HexBytesPerLine * 3 - 1)}  |{ascii}|");
        }
        return lines;
    }
}
