using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Checks.Clients;

/// <summary>What one run of the client did, whatever the grader said to it.</summary>
/// <param name="Connected">Whether the client connected at all.</param>
/// <param name="Problem">Why it did not connect, when it did not.</param>
/// <param name="ExitedInTime">Whether the client exited by itself in time after the exchange.</param>
/// <param name="ExitCode">Its exit code, when it exited.</param>
/// <param name="Output">What it printed to standard output.</param>
/// <param name="Errors">What it printed to standard error.</param>
public sealed record ClientSession(bool Connected, string? Problem, bool ExitedInTime, int? ExitCode, string Output, string Errors)
{
    /// <summary>How long the client had to exit after its exchange.</summary>
    public TimeSpan ExitWait { get; init; }

    /// <summary>Whether, when it had not exited in time, its own process had, and processes it started were still running.</summary>
    public bool LeftProcessesRunning { get; init; }

    /// <summary>The client's output for a failure message, or a note that it printed nothing.</summary>
    public string ShowOutput()
    {
        string output = Output.TrimEnd();
        string errors = Errors.TrimEnd();
        if (output.Length == 0 && errors.Length == 0)
        {
            return Strings.ClientPrintedNothing;
        }
        var shown = new List<string>();
        if (output.Length > 0)
        {
            shown.Add(Strings.ClientStdout + "\n" + Indent(output));
        }
        if (errors.Length > 0)
        {
            shown.Add(Strings.ClientStderr + "\n" + Indent(errors));
        }
        return string.Join('\n', shown);
    }

    /// <summary>How the run ended, in a sentence: the exit code, or that the client was stopped.</summary>
    public string ShowEnd() => ExitCode is { } code
        ? Strings.FormatClientEndedWithCode(code)
        : Strings.ClientEndedStopped;

    private static string Indent(string text)
    {
        var lines = text.Split('\n');
        var kept = lines.Length > 20 ? lines.TakeLast(20).Prepend("…") : lines;
        return string.Join('\n', kept.Select(l => "  | " + l.TrimEnd('\r')));
    }
}

/// <summary>A run of the client, what the grader's side of the exchange recorded, and its transcript.</summary>
public sealed record ClientRun<TExchange>(ClientSession Session, TExchange? Exchange, Transcript Transcript);
