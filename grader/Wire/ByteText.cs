using System.Text;

namespace SocketExercises.Grader.Wire;

/// <summary>
/// Shows bytes as text a student can read: printable characters (Croatian letters included) as they are,
/// <c>\r \n \t</c> visible, and every other byte as <c>\xNN</c>.
/// </summary>
public static class ByteText
{
    /// <summary>Escapes <paramref name="data"/> inside double quotes.</summary>
    public static string Quote(ReadOnlySpan<byte> data) => $"\"{Escape(data)}\"";

    /// <summary>Escapes <paramref name="data"/>, shortening the middle when it is longer than <paramref name="maxBytes"/>.</summary>
    public static string Quote(ReadOnlySpan<byte> data, int maxBytes)
    {
        if (data.Length <= maxBytes)
        {
            return Quote(data);
        }
        int half = maxBytes / 2;
        return $"\"{Escape(data[..half])}\" … ({data.Length - 2 * half} bytes) … \"{Escape(data[^half..])}\"";
    }

    /// <summary>Escapes <paramref name="data"/> without quotes.</summary>
    public static string Escape(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length);
        while (!data.IsEmpty)
        {
            int used = AppendOne(text, data);
            data = data[used..];
        }
        return text.ToString();
    }

    private static int AppendOne(StringBuilder text, ReadOnlySpan<byte> data)
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
        if (first >= 0x80
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
