using System.Globalization;

namespace SocketExercises.Grader.Texts;

/// <summary>
/// Compares what the grader expected with what arrived and, where they differ, shows both around the
/// first difference with a caret under it, as h2spec and CodeCrafters do.
/// </summary>
public static class ByteDiff
{
    private const int Before = 16;
    private const int Shown = 48;

    /// <summary>The offset of the first byte that differs, or where the shorter one ends; -1 when equal.</summary>
    public static int FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        int common = expected.CommonPrefixLength(actual);
        return common == expected.Length && common == actual.Length ? -1 : common;
    }

    /// <summary>A few lines that show the difference, or an empty string when the two are equal.</summary>
    public static string Describe(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        int offset = FirstDifference(expected, actual);
        if (offset < 0)
        {
            return "";
        }
        int start = Math.Max(0, offset - Before);
        string expectedLine = Strings.FormatDiffExpected(Counted.Bytes(expected.Length)) + ": ";
        string actualLine = Strings.FormatDiffReceived(Counted.Bytes(actual.Length)) + ": ";
        int width = Math.Max(expectedLine.Length, actualLine.Length);
        string lead = start > 0 ? "…" : "";

        // Both lines are shown alike, as text if what was sent is text (a window may cut a letter in two).
        bool asText = ByteText.IsText(expected);
        string expectedShown = Window(expected, start, asText);
        string actualShown = Window(actual, start, asText);
        // The caret goes under the first differing byte: the width of what precedes it once escaped.
        int caret = width + lead.Length + 1 + ByteText.Escape(actual[start..offset], asText).Length;

        return string.Join('\n',
            expectedLine.PadRight(width) + lead + expectedShown,
            actualLine.PadRight(width) + lead + actualShown,
            new string(' ', caret) + "^ " + Explain(expected, actual, offset));
    }

    private static string Explain(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int offset)
    {
        if (offset >= actual.Length)
        {
            return Strings.FormatDiffReceivedEnds(offset, Counted.Bytes(expected.Length - offset));
        }
        if (offset >= expected.Length)
        {
            return Strings.FormatDiffExtra(offset, Counted.Bytes(actual.Length - offset));
        }
        return Strings.FormatDiffValue(offset, Hex(expected[offset]), Hex(actual[offset]));
    }

    private static string Window(ReadOnlySpan<byte> data, int start, bool asText)
    {
        var shown = Slice(data, start, Shown);
        string more = data.Length > start + Shown ? " " + Strings.FormatDiffMore(Counted.Bytes(data.Length - start - Shown)) : "";
        return ByteText.Quote(shown, asText) + more;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int start, int length)
    {
        start = Math.Min(start, data.Length);
        return data.Slice(start, Math.Min(length, data.Length - start));
    }

    private static string Hex(byte value) => value.ToString("X2", CultureInfo.InvariantCulture);
}
