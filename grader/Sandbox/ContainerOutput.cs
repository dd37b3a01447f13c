using System.Text;
using DotNet.Testcontainers.Configurations;

namespace SocketExercises.Grader.Sandbox;

/// <summary>What a container prints, collected as it comes, for the report.</summary>
internal sealed class ContainerOutput : IOutputConsumer, IDisposable
{
    // Enough to show the end of any failure; a program that prints without end is cut, not kept.
    private const int MaxChars = 256 * 1024;

    private readonly StringBuilder _text = new();

    public ContainerOutput()
    {
        Stdout = new Sink(this);
        Stderr = new Sink(this);
    }

    public bool Enabled => true;

    public Stream Stdout { get; }

    public Stream Stderr { get; }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Dispose()
    {
        Stdout.Dispose();
        Stderr.Dispose();
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_text)
        {
            if (_text.Length < MaxChars)
            {
                _text.Append(Encoding.UTF8.GetString(bytes));
            }
        }
    }

    // A write-only stream that hands each write to the collected text.
    private sealed class Sink(ContainerOutput owner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => owner.Append(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => owner.Append(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
