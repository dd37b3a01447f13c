using System.Net;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Exercises;

/// <summary>The program to grade, and where the grader meets it.</summary>
/// <param name="Command">Starts the server or runs the client; null for a server that is already running.</param>
/// <param name="Endpoint">Where the server listens, or where the grader listens for the client (port 0: any free one).</param>
/// <param name="StartTimeout">How long a started server may take to listen (a <c>dotnet run</c> builds first).</param>
public sealed record ProgramUnderTest(ShellCommand? Command, IPEndPoint Endpoint, TimeSpan StartTimeout)
{
    /// <summary>The folder of the program's project, when the grading knows it: the code its security review reads.</summary>
    public string? SourceFolder { get; init; }
}

/// <summary>What a server exercise needs for one grading besides the server.</summary>
/// <param name="Settings">What a started server is handed besides its address, such as its password.</param>
/// <param name="Target">Makes the checks' view of the server from the server on the wire and, when the grader started it, its process.</param>
public sealed record ServerSetup<TTarget>(IReadOnlyList<ProgramSetting> Settings, Func<ServerTarget, IStartedServer?, TTarget> Target)
{
    /// <summary>A note for the report, when the check it follows from passed.</summary>
    public ExerciseNote? Note { get; init; }
}

/// <summary>What a client exercise needs for one grading besides the client.</summary>
/// <param name="Settings">What the client is handed besides the grader's address, such as its password.</param>
/// <param name="Target">Makes the checks' view of the client from the grader's played server.</param>
/// <param name="ServeOn">What the played server does after each run's script, until the client exits.</param>
public sealed record ClientSetup<TTarget>(IReadOnlyList<ProgramSetting> Settings, Func<PlayedServer, TTarget> Target, ServeOn ServeOn)
{
    /// <summary>Keep the client's standard input open, for the checks to type to it; otherwise it reads the end at once.</summary>
    public bool KeepInput { get; init; }

    /// <inheritdoc cref="ServerSetup{TTarget}.Note"/>
    public ExerciseNote? Note { get; init; }
}

/// <summary>A lesson the report adds, not a failure: said only when the check whose evidence it rests on passed.</summary>
/// <param name="AfterCheck">The check whose passing makes the note true.</param>
/// <param name="Text">The note, in the current language.</param>
public sealed record ExerciseNote(string AfterCheck, string Text)
{
    /// <summary><paramref name="report"/>, with the note added when <paramref name="note"/> holds for it.</summary>
    public static GradeReport AddTo(GradeReport report, ExerciseNote? note) =>
        note is not null && report.Results.Any(r => r.Info.Id == note.AfterCheck && r.Status == CheckStatus.Passed)
            ? report with { Notes = [.. report.Notes, note.Text] }
            : report;
}
