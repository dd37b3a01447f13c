using System.Text;
using SocketExercises.Grader.Reports;
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

    public async Task RunAsync(TTarget target, CancellationToken cancellationToken)
    {
        var run = await RunClientAsync(target, cancellationToken);
        if (!run.Session.Connected)
        {
            throw new TargetUnreachableException($"{run.Session.Problem}\n{run.Session.ShowOutput()}");
        }
        Judge(target, run.Session, run.Exchange!);
    }

    /// <summary>The run this check judges.</summary>
    protected abstract Task<ClientRun<TExchange>> RunClientAsync(TTarget target, CancellationToken cancellationToken);

    /// <summary>Fails by throwing <see cref="CheckFailedException"/> if the run broke the requirement.</summary>
    protected abstract void Judge(TTarget target, ClientSession session, TExchange exchange);

    /// <summary>Fails unless the client printed the whole echo of <paramref name="request"/>, which the grader sent back <paramref name="how"/>.</summary>
    protected static void ExpectPrintedEcho(ClientSession session, byte[] request, string how)
    {
        if (request.Length == 0)
        {
            throw new CheckFailedException("The client sent nothing, so there was no echo to print.");
        }
        if (!session.Output.Contains(Encoding.UTF8.GetString(request), StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                $"The grader echoed {ByteText.Quote(request, 96)} {how}, and the client's output does not contain all of it.\n{session.ShowOutput()}");
        }
    }

    /// <summary>Fails unless the client exited by itself in time: with code 0 if <paramref name="success"/>, otherwise with any other code.</summary>
    protected static void ExpectExit(ClientSession session, TimeSpan waited, string after, bool success)
    {
        if (!session.ExitedInTime)
        {
            throw new CheckFailedException($"The client was still running {Durations.Format(waited)} after {after}, and was stopped.\n{session.ShowOutput()}");
        }
        if (success && session.ExitCode != 0)
        {
            throw new CheckFailedException($"The client exited with code {session.ExitCode}, not 0.\n{session.ShowOutput()}");
        }
        if (!success && session.ExitCode == 0)
        {
            throw new CheckFailedException($"The client exited with code 0, as if all went well.\n{session.ShowOutput()}");
        }
    }
}
