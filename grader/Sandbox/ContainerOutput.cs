using System.Text;
using DotNet.Testcontainers.Configurations;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// What a container prints, collected as it comes for the report: each stream kept within the same budget as a
/// program's on this machine, and searched, all of it, for the secrets it must not print.
/// </summary>
internal sealed class ContainerOutput : IOutputConsumer, IDisposable
{
    private readonly OutputSignal _printed = new();
    private readonly Sink _output;
    private readonly Sink _errors;

    /// <param name="secrets">What the program must not print.</param>
    public ContainerOutput(IEnumerable<string>? secrets = null)
    {
        var watched = (secrets ?? []).ToList();
        _output = new Sink(new ProgramOutput(watched), _printed);
        _errors = new Sink(new ProgramOutput(watched), _printed);
    }

    public bool Enabled => true;

    public Stream Stdout => _output;

    public Stream Stderr => _errors;

    public string Output => _output.Text.ToString();

    public string Errors => _errors.Text.ToString();

    /// <summary>Completes when the program next prints something.</summary>
    public Task Changed => _printed.Next;

    public SecretForm? PrintedSecret(string secret) => _output.Text.Printed(secret) ?? _errors.Text.Printed(secret);

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
    }

    // A write-only stream that decodes each write into the kept text; a character split between writes is kept whole.
    private sealed class Sink(ProgramOutput text, OutputSignal printed) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public ProgramOutput Text => text;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            char[] chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
            lock (_decoder)
            {
                int decoded = _decoder.GetChars(buffer, chars, flush: false);
                text.Append(chars.AsSpan(0, decoded));
            }
            printed.Pulse();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            text.End();
            base.Dispose(disposing);
        }
    }
}
