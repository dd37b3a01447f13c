using System.Net;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Grading;

/// <summary>What to grade: an exercise's server checks against a server that runs, or that the grader starts.</summary>
/// <param name="Exercise">The exercise's key, for the report.</param>
/// <param name="Endpoint">Where the server listens.</param>
/// <param name="Start">The command that starts the server, or null when it is already running.</param>
/// <param name="StartTimeout">How long a started server may take to listen (a <c>dotnet run</c> builds first).</param>
/// <param name="Settings">What a started server is handed besides its address, such as its password.</param>
public sealed record ServerGradingRequest(
    string Exercise, IPEndPoint Endpoint, ShellCommand? Start, TimeSpan StartTimeout, IReadOnlyList<ProgramSetting> Settings);

/// <summary>Grades a server: starts it if asked, runs the exercise's checks against it, and stops it.</summary>
public sealed class ServerGrader(
    CheckRunner runner, WireConnector connector, ServerLauncher launcher, GradingOptions options, WireLimits limits, TimeProvider time)
{
    /// <param name="request">What to grade.</param>
    /// <param name="checks">The exercise's checks, in the order they run.</param>
    /// <param name="target">
    /// Makes the exercise's view of the server, such as the server and its password, from the server on the
    /// wire and, when the grader started it, the started process.
    /// </param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    /// <exception cref="PortInUseException">The port was taken before the server was started.</exception>
    public async Task<GradeReport> GradeAsync<TTarget>(
        ServerGradingRequest request, IReadOnlyList<ICheck<TTarget>> checks, Func<ServerTarget, IStartedServer?, TTarget> target, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        IReadOnlyList<CheckResult> results;
        List<string> notes;
        var patience = Patience.ForReplies(limits.ReplyTimeout);

        if (request.Start is not { } command)
        {
            results = await runner.RunAsync(checks, target(new ServerTarget(request.Endpoint, connector), null), revival: null, cancellationToken, patience: patience);
            notes = [];
        }
        else
        {
            await using var process = new StartedServer(launcher, command, request.Endpoint, request.Settings, request.StartTimeout);
            try
            {
                await process.StartAsync(cancellationToken);
                var moving = new ServerTarget(() => process.Endpoint, connector);
                // One budget from the moment the server runs its own code: the time it took to listen is spent.
                results = await runner.RunAsync(
                    checks, target(moving, process), process, cancellationToken, patience: patience, spent: process.OwnStartTime);
            }
            catch (ServerStartException e)
            {
                // A server that never started fails the first check, which says why, and leaves nothing for the rest.
                results = Unrun(checks, CheckStatus.Failed, e.Message, CheckStatus.Skipped, Strings.SkippedNotStarted);
            }
            catch (GraderEnvironmentException e)
            {
                // One the grader could not start, for its own trouble, leaves every check not judged: none counts against it.
                results = Unrun(checks, CheckStatus.Error, e.Message, CheckStatus.Error, Strings.FormatNotGradedAfterError(checks[0].Info.Id, e.Message));
            }
            notes = process.Notes();
        }
        if (patience.WaitedLess)
        {
            notes.Add(Strings.FormatNoteRepliesWaitedLess(
                Durations.Format(patience.Full), patience.FirstStall, Durations.Format(patience.Shortest)));
        }
        return new GradeReport(request.Exercise, request.Endpoint.ToString(), options.Seed, results, time.GetElapsedTime(started), notes);
    }

    // The checks of a server that never ran: the first with why, the rest with what follows from it.
    private List<CheckResult> Unrun<TTarget>(IReadOnlyList<ICheck<TTarget>> checks, CheckStatus first, string why, CheckStatus rest, string restWhy) =>
    [
        .. checks.Select((c, i) => new CheckResult(c.Info, i == 0 ? first : rest, TimeSpan.Zero, i == 0 ? why : restWhy) { Points = options.Points.For(c.Info.Id) }),
    ];
}
