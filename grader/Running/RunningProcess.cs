using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Running;

/// <summary>
/// A program the grader started. It keeps a bounded copy of the program's output, and disposing it kills
/// the whole process tree (a shell, <c>dotnet run</c> and the server it started), so nothing outlives grading.
/// A program started with a <see cref="ProcessMark"/> has ended when its last process has, wherever that
/// went, and disposing it kills those too.
/// </summary>
public sealed class RunningProcess : IRunningProgram
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    // How often to look whether a marked program's last process has ended: nothing signals it, as it is not a child.
    private static readonly TimeSpan LastProcessLook = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly ProgramOutput _output;
    private readonly ProgramOutput _errors;
    private readonly OutputSignal _printed = new();
    private readonly ProcessMark? _mark;
    private readonly CancellationTokenSource _disposed = new();
    private Task _outputClosed = Task.CompletedTask;
    private Task _errorsClosed = Task.CompletedTask;
    private Task _ended = Task.CompletedTask;

    private RunningProcess(Process process, IEnumerable<string>? secrets, ProcessMark? mark)
    {
        _process = process;
        _mark = mark;
        _output = new ProgramOutput(secrets);
        _errors = new ProgramOutput(secrets);
    }

    /// <summary>Starts the program, with standard input closed unless <paramref name="keepInput"/>, so a program that reads it sees its end at once.</summary>
    /// <param name="secrets">What the program must not print: its output is searched for them, all of it.</param>
    /// <param name="mark">Marks the program's processes, to find and kill those that leave its process tree: for a program under test.</param>
    /// <exception cref="ProcessStartException">The shell itself could not be started.</exception>
    public static RunningProcess Start(ProcessStartInfo startInfo, bool keepInput = false, IEnumerable<string>? secrets = null, ProcessMark? mark = null)
    {
        if (mark is not null)
        {
            startInfo.Environment[ProcessMark.Variable] = mark.Value;
            if (ProcessMark.SessionStarter is { } setsid)
            {
                startInfo.ArgumentList.Insert(0, startInfo.FileName);
                startInfo.FileName = setsid;
            }
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var running = new RunningProcess(process, [.. secrets ?? []], mark);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ProcessStartException(Strings.FormatProcessCouldNotStart(startInfo.FileName, e.Message));
        }
        if (mark is not null && ProcessMark.SessionStarter is not null)
        {
            mark.Session = process.Id;
        }
        // Read as bytes, not lines: a program that prints 100 MB without a newline must not make a 100 MB line.
        running._outputClosed = running.PumpAsync(process.StandardOutput.BaseStream, running._output);
        running._errorsClosed = running.PumpAsync(process.StandardError.BaseStream, running._errors);
        if (!keepInput)
        {
            process.StandardInput.Close();
        }
        running._ended = running.LastProcessEndedAsync();
        return running;
    }

    /// <summary>The process id: of the shell, or of the program where the shell replaced itself with it (<c>exec</c>).</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has ended: its process, and, for a marked program, every process it left behind.</summary>
    public bool HasExited => _ended.IsCompleted;

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
            await _ended.WaitAsync(deadline.Token);
            await Task.WhenAll(_outputClosed, _errorsClosed).WaitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HasExited;
        }
    }

    /// <summary>A task that completes when the program has ended (<see cref="HasExited"/>).</summary>
    public Task Exited(CancellationToken cancellationToken) => _ended.WaitAsync(cancellationToken);

    public Task OutputChanged => _printed.Next;

    public bool LeftProcessesRunning => _process.HasExited && !_ended.IsCompleted;

    /// <summary>Its marked processes that are alive, wherever they went; none for a program started without a mark.</summary>
    public IReadOnlyList<int> MarkedProcesses() => _mark is not null && OperatingSystem.IsLinux() ? _mark.Alive() : [];

    /// <summary>The processor time its processes have used so far, in clock ticks; null when it is not marked or not on Linux.</summary>
    public long? CpuTicks => _mark is not null && OperatingSystem.IsLinux() ? _mark.CpuTicks() : null;

    /// <summary>Whether it is still being built (<see cref="ProcessMark.Building"/>); null when it is not marked or not on Linux.</summary>
    public bool? Building => _mark is not null && OperatingSystem.IsLinux() ? _mark.Building() : null;

    public SecretForm? PrintedSecret(string secret) => _output.Printed(secret) ?? _errors.Printed(secret);

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
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
        try
        {
            _mark?.KillAll(); // what left the tree
            await WaitForExitAsync(KillWait, CancellationToken.None);
        }
        finally
        {
            await _disposed.CancelAsync();
            _process.Dispose();
            _disposed.Dispose();
        }
    }

    // Its process has exited, and, when it is marked, so has every process it left behind.
    private async Task LastProcessEndedAsync()
    {
        try
        {
            await _process.WaitForExitAsync(_disposed.Token);
            while (_mark?.Alive().Count > 0)
            {
                await Task.Delay(LastProcessLook, _disposed.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: whatever was left has been killed.
        }
    }

    private async Task PumpAsync(Stream stream, ProgramOutput output)
    {
        await Task.Yield(); // the caller goes on starting the program
        var decoder = Encoding.UTF8.GetDecoder();
        byte[] bytes = new byte[16 * 1024];
        char[] chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes)) > 0)
            {
                int decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                output.Append(chars.AsSpan(0, decoded));
                _printed.Pulse();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe broke as the process was killed: what was read is all there is.
        }
        output.End();
        _printed.Pulse();
    }
}

/// <summary>The program could not be started at all.</summary>
public sealed class ProcessStartException(string message) : GraderEnvironmentException(message);
