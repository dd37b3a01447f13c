namespace SocketExercises.Grader.Exercises.Chat;

/// <summary>Bytes received and not yet taken as lines; taking a line costs its length, not the buffer's.</summary>
public sealed class LineBuffer
{
    private byte[] _bytes = new byte[4096];
    private int _start;
    private int _end;

    public int Count => _end - _start;

    public void Add(ReadOnlySpan<byte> data)
    {
        if (_end + data.Length > _bytes.Length)
        {
            var bigger = Count + data.Length > _bytes.Length ? new byte[Math.Max(_bytes.Length * 2, Count + data.Length)] : _bytes;
            Array.Copy(_bytes, _start, bigger, 0, Count);
            (_bytes, _end, _start) = (bigger, Count, 0);
        }
        data.CopyTo(_bytes.AsSpan(_end));
        _end += data.Length;
    }

    /// <summary>The first whole line, with its \n, left in the buffer; null if there is none yet.</summary>
    public byte[]? PeekLine()
    {
        int newline = _bytes.AsSpan(_start, Count).IndexOf((byte)'\n');
        return newline < 0 ? null : _bytes[_start..(_start + newline + 1)];
    }

    /// <summary>The first whole line, with its \n, taken out of the buffer; null if there is none yet.</summary>
    public byte[]? TakeLine()
    {
        var line = PeekLine();
        _start += line?.Length ?? 0;
        return line;
    }

    /// <summary>Forgets everything held.</summary>
    public void TakeAll() => _start = _end;

    /// <summary>Everything held, left in the buffer.</summary>
    public byte[] Peek() => _bytes[_start.._end];
}
