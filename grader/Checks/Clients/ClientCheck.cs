using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.Clients;

/// <summary>A check of a client, judged from one run of it; the runs are shared between checks.</summary>
/// <typeparam name="TTarget">The client under test, as an exercise plays it.</typeparam>
/// <typeparam name="TExchange">What the grader's side recorded of the run.</typeparam>
public abstract class ClientCheck<TTarget, TExchange> : ICheck<TTarget>
{
    public abstract CheckInfo Info { get; }

    /// <summary>Long enough for a client started with <c>dotnet run</c> to build, connect and finish.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromSeconds(45);

    public async Task RunAsync(TTarget target, CheckContext context)
    {
        var run = await RunClientAsync(target, context);
        context.Session = run.Session;
        if (!run.Session.Connected)
        {
            throw new TargetUnreachableException($"{run.Session.Problem}\n{run.Session.ShowOutput()}");
        }
        string output = run.Session.ShowOutput();
        try
        {
            Judge(target, run.Session, run.Exchange!);
        }
        catch (CheckFailedException failed) when (!failed.Message.Contains(output, StringComparison.Ordinal))
        {
            // Every failure of a client shows what it printed and how it ended, which the check's own message may
            // not have needed: the student needs them to see what their program did.
            throw new CheckFailedException($"{failed.Message}\n{output}\n{run.Session.ShowEnd()}", failed.Hint);
        }
    }

    /// <summary>The run this check judges.</summary>
    protected abstract Task<ClientRun<TExchange>> RunClientAsync(TTarget target, CheckContext context);

    /// <summary>Fails by throwing <see cref="CheckFailedException"/> if the run broke the requirement.</summary>
    protected abstract void Judge(TTarget target, ClientSession session, TExchange exchange);

    /// <summary>Fails unless the client exited by itself in time: with code 0 if <paramref name="success"/>, otherwise with any other code.</summary>
    protected static void ExpectExit(ClientSession session, string after, bool success)
    {
        if (!session.ExitedInTime)
        {
            throw new CheckFailedException((session.LeftProcessesRunning
                ? Strings.FormatClientLeftProcessesRunning(Durations.Format(session.ExitWait), after)
                : Strings.FormatClientStillRunning(Durations.Format(session.ExitWait), after)) + "\n" + session.ShowOutput());
        }
        if (success && session.ExitCode != 0)
        {
            throw new CheckFailedException(Strings.FormatClientExitCode(session.ExitCode) + "\n" + session.ShowOutput());
        }
        if (!success && session.ExitCode == 0)
        {
            throw new CheckFailedException(Strings.ClientExitZero + "\n" + session.ShowOutput());
        }
    }
}
