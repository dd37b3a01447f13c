using System.Globalization;
using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Running;

/// <summary>
/// One output stream of a program, kept within a fixed budget however much it prints, and with or without
/// newlines: its first <see cref="HeadChars"/> and last <see cref="TailChars"/> characters, with the number of
/// bytes left out between them. Text is kept a line at a time (a <c>\r\n</c> becomes <c>\n</c>), so a waiter never
/// sees half a line, unless a line outgrows <see cref="LineChars"/>. Every character is also searched, as it
/// comes, for the secrets it is told to watch, so a secret printed in the part left out is still seen.
/// </summary>
internal sealed class ProgramOutput
{
    public const int HeadChars = 64 * 1024;
    public const int TailChars = 64 * 1024;
    public const int LineChars = 64 * 1024;

    private readonly Lock _lock = new();
    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private readonly StringBuilder _line = new();
    private readonly IReadOnlyList<(string Text, SecretForm Form)> _watched;
    private readonly int _carry;
    private readonly HashSet<string> _seen = [];
    private string _recent = "";
    private long _droppedBytes;

    /// <param name="secrets">What to watch for, each in every form it may be printed in.</param>
    public ProgramOutput(IEnumerable<string>? secrets = null)
    {
        _watched = [.. (secrets ?? []).Where(s => s.Length > 0).SelectMany(Secrets.FormsOf)];
        _carry = _watched.Count == 0 ? 0 : _watched.Max(w => w.Text.Length) - 1;
    }

    /// <summary>Takes the next characters the program printed.</summary>
    public void Append(ReadOnlySpan<char> chars)
    {
        lock (_lock)
        {
            Watch(chars);
            _line.Append(chars);
            int newline;
            while ((newline = IndexOf(_line, '\n')) >= 0)
            {
                int end = newline > 0 && _line[newline - 1] == '\r' ? newline - 1 : newline;
                _line[end] = '\n';
                Keep(_line, end + 1);
                _line.Remove(0, newline + 1);
            }
            if (_line.Length > LineChars)
            {
                Keep(_line);
                _line.Clear();
            }
        }
    }

    /// <summary>The stream ended: a last line without its newline is kept as it is.</summary>
    public void End()
    {
        lock (_lock)
        {
            if (_line.Length > 0)
            {
                Keep(_line);
                _line.Clear();
            }
        }
    }

    /// <summary>The form in which the program printed a watched secret, if it did, anywhere in the stream.</summary>
    public SecretForm? Printed(string secret)
    {
        lock (_lock)
        {
            foreach (var (text, form) in Secrets.FormsOf(secret))
            {
                if (_seen.Contains(text))
                {
                    return form;
                }
            }
            return null;
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _droppedBytes == 0
                ? _head.ToString() + _tail
                : _head + Strings.FormatOutputNotShown(_droppedBytes.ToString("N0", CultureInfo.InvariantCulture)) + "\n" + _tail;
        }
    }

    // The first count characters of text (all of them by default), copied chunk by chunk: a line that outgrew
    // LineChars is never made into one large string, which would sit on the large object heap until a full collection.
    private void Keep(StringBuilder text, int count = -1)
    {
        count = count < 0 ? text.Length : count;
        int toHead = Math.Min(count, HeadChars - _head.Length);
        int from = 0;
        if (toHead > 0 && _tail.Length == 0 && _droppedBytes == 0)
        {
            _head.Append(text, 0, toHead);
            from = toHead;
        }
        _tail.Append(text, from, count - from);
        // Trimmed in steps, not at every line, so that keeping the tail costs no more than copying it once.
        if (_tail.Length > 2 * TailChars)
        {
            int excess = _tail.Length - TailChars;
            foreach (var chunk in _tail.GetChunks())
            {
                int part = Math.Min(chunk.Length, excess);
                _droppedBytes += Encoding.UTF8.GetByteCount(chunk.Span[..part]);
                excess -= part;
                if (excess == 0)
                {
                    break;
                }
            }
            _tail.Remove(0, _tail.Length - TailChars);
        }
    }

    private void Watch(ReadOnlySpan<char> chars)
    {
        if (_watched.Count == 0)
        {
            return;
        }
        // The end of what came before, so that a secret split between two reads is found.
        string window = _recent + chars.ToString();
        foreach (var (text, _) in _watched)
        {
            if (window.Contains(text, StringComparison.Ordinal))
            {
                _seen.Add(text);
            }
        }
        _recent = window.Length > _carry ? window[^_carry..] : window;
    }

    private static int IndexOf(StringBuilder text, char c)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>The forms a program may print a secret in, each of which gives it away.</summary>
public enum SecretForm
{
    /// <summary>As it is.</summary>
    AsIs,

    /// <summary>Its UTF-8 bytes in hexadecimal, either case.</summary>
    Hex,

    /// <summary>Its UTF-8 bytes in Base64.</summary>
    Base64,
}

/// <summary>The forms of a secret the grader looks for in what a program prints.</summary>
public static class Secrets
{
    // Shorter secrets are looked for only as they are: their hex or Base64 could turn up in any output by chance.
    private const int EncodedFromBytes = 6;

    public static IEnumerable<(string Text, SecretForm Form)> FormsOf(string secret)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(secret);
        yield return (secret, SecretForm.AsIs);
        if (bytes.Length < EncodedFromBytes)
        {
            yield break;
        }
        yield return (Convert.ToHexStringLower(bytes), SecretForm.Hex);
        yield return (Convert.ToHexString(bytes), SecretForm.Hex);
        yield return (Convert.ToBase64String(bytes).TrimEnd('='), SecretForm.Base64);
    }
}
