using System.Text;
using System.Text.Unicode;

namespace SocketExercises.Grader.Texts;

/// <summary>
/// Shows bytes as text a student can read: printable characters as they are, <c>\r \n \t</c> visible, and
/// every other byte as <c>\xNN</c>. Letters beyond ASCII (č, đ) are shown as letters when the data is text
/// (valid UTF-8); in binary data they would be chance look-alikes, so there every byte above 0x7F is hex.
/// </summary>
public static class ByteText
{
    /// <summary>Escapes <paramref name="data"/> inside double quotes.</summary>
    public static string Quote(ReadOnlySpan<byte> data) => $"\"{Escape(data)}\"";

    /// <summary>Escapes <paramref name="data"/> inside double quotes, showing letters beyond ASCII only if <paramref name="asText"/>.</summary>
    public static string Quote(ReadOnlySpan<byte> data, bool asText) => $"\"{Escape(data, asText)}\"";

    /// <summary>Whether <paramref name="data"/> is text, to be shown with its letters.</summary>
    public static bool IsText(ReadOnlySpan<byte> data) => Utf8.IsValid(data);

    /// <summary>Escapes <paramref name="data"/>, shortening the middle when it is longer than <paramref name="maxBytes"/>.</summary>
    public static string Quote(ReadOnlySpan<byte> data, int maxBytes)
    {
        if (data.Length <= maxBytes)
        {
            return Quote(data);
        }
        int half = maxBytes / 2;
        bool asText = IsText(data);
        return $"\"{Escape(data[..half], asText)}\" … ({Counted.Bytes(data.Length - 2 * half)}) … \"{Escape(data[^half..], asText)}\"";
    }

    /// <summary>Escapes <paramref name="data"/> without quotes.</summary>
    public static string Escape(ReadOnlySpan<byte> data) => Escape(data, IsText(data));

    /// <summary>Escapes <paramref name="data"/> without quotes, showing letters beyond ASCII only if <paramref name="asText"/>.</summary>
    public static string Escape(ReadOnlySpan<byte> data, bool asText)
    {
        var text = new StringBuilder(data.Length);
        while (!data.IsEmpty)
        {
            int used = AppendOne(text, data, asText);
            data = data[used..];
        }
        return text.ToString();
    }

    private static int AppendOne(StringBuilder text, ReadOnlySpan<byte> data, bool asText)
    {
        byte first = data[0];
        switch (first)
        {
            case (byte)'\n': text.Append("\\n"); return 1;
            case (byte)'\r': text.Append("\\r"); return 1;
            case (byte)'\t': text.Append("\\t"); return 1;
            case (byte)'\\': text.Append("\\\\"); return 1;
            case (byte)'"': text.Append("\\\""); return 1;
            case >= 0x20 and < 0x7F: text.Append((char)first); return 1;
        }
        // A whole UTF-8 character that prints (č, đ, €) is shown as itself; anything else byte by byte.
        if (asText && first >= 0x80
            && Rune.DecodeFromUtf8(data, out var rune, out int used) == System.Buffers.OperationStatus.Done
            && !Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.Format)
        {
            text.Append(rune.ToString());
            return used;
        }
        text.Append($"\\x{first:X2}");
        return 1;
    }
}
