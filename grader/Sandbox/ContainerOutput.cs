using System.Text;
using DotNet.Testcontainers.Configurations;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Sandbox;

/// <summary>What a container prints, collected as it comes, for the report.</summary>
internal sealed class ContainerOutput : IOutputConsumer, IDisposable
{
    // Enough to show the end of any failure; a program that prints without end is cut, not kept.
    private const int MaxChars = 256 * 1024;

    private readonly Lock _lock = new();
    private readonly OutputSignal _printed = new();
    private readonly Sink _output;
    private readonly Sink _errors;

    public ContainerOutput()
    {
        _output = new Sink(this);
        _errors = new Sink(this);
    }

    public bool Enabled => true;

    public Stream Stdout => _output;

    public Stream Stderr => _errors;

    public string Output => Read(_output.Text);

    public string Errors => Read(_errors.Text);

    /// <summary>Completes when the program next prints something.</summary>
    public Task Changed => _printed.Next;

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
    }

    private string Read(StringBuilder text)
    {
        lock (_lock)
        {
            return text.ToString();
        }
    }

    private void Append(StringBuilder own, ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            if (_output.Text.Length + _errors.Text.Length < MaxChars)
            {
                own.Append(Encoding.UTF8.GetString(bytes));
            }
        }
        _printed.Pulse();
    }

    // A write-only stream that hands each write to the collected text.
    private sealed class Sink(ContainerOutput owner) : Stream
    {
        public StringBuilder Text { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => owner.Append(Text, buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => owner.Append(Text, buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
