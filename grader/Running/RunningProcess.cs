using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Running;

/// <summary>
/// A program the grader started. It keeps a bounded copy of the program's output, and disposing it kills
/// the whole process tree (a shell, <c>dotnet run</c> and the server it started), so nothing outlives grading.
/// </summary>
public sealed class RunningProcess : IRunningProgram
{
    private const int MaxKeptChars = 256 * 1024;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly BoundedText _output = new(MaxKeptChars);
    private readonly BoundedText _errors = new(MaxKeptChars);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OutputSignal _printed = new();

    private RunningProcess(Process process) => _process = process;

    /// <summary>Starts the program, with standard input closed unless <paramref name="keepInput"/>, so a program that reads it sees its end at once.</summary>
    /// <exception cref="ProcessStartException">The shell itself could not be started.</exception>
    public static RunningProcess Start(ProcessStartInfo startInfo, bool keepInput = false)
    {
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var running = new RunningProcess(process);
        process.OutputDataReceived += (_, e) => running.Collect(running._output, running._outputClosed, e.Data);
        process.ErrorDataReceived += (_, e) => running.Collect(running._errors, running._errorsClosed, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ProcessStartException(Strings.FormatProcessCouldNotStart(startInfo.FileName, e.Message));
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!keepInput)
        {
            process.StandardInput.Close();
        }
        return running;
    }

    /// <summary>The process id: of the shell, or of the program where the shell replaced itself with it (<c>exec</c>).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the program printed to standard output so far.</summary>
    public string Output => _output.ToString();

    /// <summary>What the program printed to standard error so far.</summary>
    public string Errors => _errors.ToString();

    /// <summary>Waits for the program to exit and its output to be read, for at most <paramref name="timeout"/>.</summary>
    /// <returns>True if it exited in time.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_outputClosed.Task, _errorsClosed.Task).WaitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return _process.HasExited;
        }
    }

    /// <summary>A task that completes when the program exits.</summary>
    public Task Exited(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public Task OutputChanged => _printed.Next;

    public async Task WriteInputAsync(string text, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    public Task CloseInputAsync(CancellationToken cancellationToken)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has stopped reading already (it exited): its input has ended for it anyway.
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await WaitForExitAsync(KillWait, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Collect(BoundedText text, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult(); // the stream ended: the program closed it or exited
        }
        else
        {
            text.AppendLine(line);
        }
        _printed.Pulse();
    }

    /// <summary>Text that stops growing at a limit, so a program that prints without end cannot exhaust the grader.</summary>
    private sealed class BoundedText(int limit)
    {
        private readonly StringBuilder _text = new();
        private bool _cut;

        public void AppendLine(string line)
        {
            lock (_text)
            {
                if (_text.Length + line.Length + 1 <= limit)
                {
                    _text.Append(line).Append('\n');
                }
                else if (!_cut)
                {
                    _cut = true;
                    _text.Append(Strings.OutputCut).Append('\n');
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}

/// <summary>The program could not be started at all.</summary>
public sealed class ProcessStartException(string message) : GraderEnvironmentException(message);
