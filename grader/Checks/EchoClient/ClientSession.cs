namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>How the grader, playing the echo server, sends the echo back.</summary>
public enum EchoStyle
{
    /// <summary>All at once, as soon as the client's message has arrived.</summary>
    AtOnce,

    /// <summary>In small pieces with pauses, as a slow network would deliver it.</summary>
    InPieces,
}

/// <summary>What one run of the client did while the grader played the server.</summary>
/// <param name="Connected">Whether the client connected at all.</param>
/// <param name="Problem">Why it did not connect, when it did not.</param>
/// <param name="Request">The bytes the client sent before the grader echoed them.</param>
/// <param name="Pieces">How many pieces the echo was to be sent in (the client may have left before the last).</param>
/// <param name="ExitedInTime">Whether the client exited by itself in time after its echo.</param>
/// <param name="ExitCode">Its exit code, when it exited.</param>
/// <param name="Output">What it printed to standard output.</param>
/// <param name="Errors">What it printed to standard error.</param>
public sealed record ClientSession(
    bool Connected,
    string? Problem,
    byte[] Request,
    int Pieces,
    bool ExitedInTime,
    int? ExitCode,
    string Output,
    string Errors)
{
    /// <summary>The client's output for a failure message, or a note that it printed nothing.</summary>
    public string ShowOutput()
    {
        string output = Output.TrimEnd();
        string errors = Errors.TrimEnd();
        if (output.Length == 0 && errors.Length == 0)
        {
            return "The client printed nothing.";
        }
        var shown = new List<string>();
        if (output.Length > 0)
        {
            shown.Add($"Its standard output:\n{Indent(output)}");
        }
        if (errors.Length > 0)
        {
            shown.Add($"Its error output:\n{Indent(errors)}");
        }
        return string.Join('\n', shown);
    }

    private static string Indent(string text)
    {
        var lines = text.Split('\n');
        var kept = lines.Length > 20 ? lines.TakeLast(20).Prepend("…") : lines;
        return string.Join('\n', kept.Select(l => "  | " + l.TrimEnd('\r')));
    }
}
