using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks;

/// <summary>
/// Runs checks one after another, each within its own time limit and all within the grading budget,
/// and turns every outcome (a failure, a timeout, an unreachable server) into a <see cref="CheckResult"/>.
/// Checks run in sequence so that each failure points at one behaviour: a server that serves one client
/// at a time fails the concurrency check, not every check that happened to overlap with another.
/// </summary>
public sealed class CheckRunner(GradingOptions options, TimeProvider time, Payloads payloads, WireLimits limits)
{
    /// <param name="checks">The checks, in the order they run.</param>
    /// <param name="target">What they check.</param>
    /// <param name="revival">Brings the target back between checks, when it can; null when it cannot.</param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    /// <param name="timeLimit">The limit for the whole grading; <see cref="GradingOptions.TotalTimeLimit"/> when null.</param>
    /// <param name="patience">How long each check waits for a reply; the full reply timeout throughout when null.</param>
    /// <param name="spent">What the grading spent of its limit before the checks: a started server's time to listen.</param>
    public async Task<IReadOnlyList<CheckResult>> RunAsync<TTarget>(
        IEnumerable<ICheck<TTarget>> checks, TTarget target, IRevival? revival, CancellationToken cancellationToken,
        TimeSpan? timeLimit = null, Patience? patience = null, TimeSpan spent = default)
    {
        var budget = new Budget(time, timeLimit ?? options.TotalTimeLimit, options.RevivalTimeLimit, spent);
        patience ??= Patience.Fixed(limits.ReplyTimeout);
        var results = new List<CheckResult>();
        string? skipReason = null;
        string? notGraded = null; // the grader's own trouble, which every check after it would meet too
        foreach (var check in checks)
        {
            skipReason ??= OutOfTime(budget);
            if (skipReason is null && results.Count > 0 && revival is not null)
            {
                var last = results[^1].Info;
                if (await budget.ReviveAsync(token => revival.ReviveAsync(last, unreachable: false, token), cancellationToken) == Revival.Failed)
                {
                    skipReason = Strings.SkippedNotRestarted;
                }
                cancellationToken.ThrowIfCancellationRequested();
                skipReason ??= OutOfTime(budget);
            }
            if (notGraded is not null)
            {
                results.Add(new CheckResult(check.Info, CheckStatus.Error, TimeSpan.Zero, notGraded) { Points = options.Points.For(check.Info.Id) });
                continue;
            }
            if (skipReason is not null)
            {
                results.Add(new CheckResult(check.Info, CheckStatus.Skipped, TimeSpan.Zero, skipReason) { Points = options.Points.For(check.Info.Id) });
                continue;
            }

            var remaining = budget.Remaining;
            var limit = check.TimeLimit < remaining ? check.TimeLimit : remaining;
            var (result, unreachable, environment, blocks) = await RunOneAsync(
                check, target, limit, anyPassed: results.Any(r => r.Status == CheckStatus.Passed), patience, cancellationToken);
            patience.Ended(check.Info.Id);
            results.Add(result with { Points = options.Points.For(check.Info.Id) });
            if (blocks)
            {
                skipReason = Strings.FormatSkippedPrerequisite(check.Info.Id);
                continue;
            }
            if (result.Status == CheckStatus.Error && environment)
            {
                notGraded = Strings.FormatNotGradedAfterError(check.Info.Id, result.Message);
                continue;
            }
            if (unreachable && !await RevivedAsync(revival, check.Info, budget, cancellationToken))
            {
                // Everything after this would fail the same way: say it once, here, and skip the rest.
                skipReason = Strings.FormatSkippedUnreachable(check.Info.Id);
            }
        }
        return results;
    }

    private static string? OutOfTime(Budget budget) => budget.Remaining > TimeSpan.Zero
        ? null
        : Strings.FormatSkippedOutOfTime(Durations.Format(budget.Checks));

    private static async Task<bool> RevivedAsync(IRevival? revival, CheckInfo failed, Budget budget, CancellationToken cancellationToken) =>
        revival is not null && budget.Remaining > TimeSpan.Zero
        && await budget.ReviveAsync(token => revival.ReviveAsync(failed, unreachable: true, token), cancellationToken) == Revival.Restarted;

    // A grading's time. Its checks spend the budget; starting an exited server again is the grader's doing and
    // spends an allowance of its own, so that a slow start (a busy machine, a container) costs the student no
    // checks, while a server that exits after every client still cannot stretch its grading without bound.
    private sealed class Budget(TimeProvider time, TimeSpan checks, TimeSpan revivals, TimeSpan spent)
    {
        private readonly long _started = time.GetTimestamp();
        private TimeSpan _reviving;

        public TimeSpan Checks => checks;

        public TimeSpan Remaining => checks - spent - (time.GetElapsedTime(_started) - _reviving);

        public async Task<Revival> ReviveAsync(Func<CancellationToken, Task<Revival>> revive, CancellationToken cancellationToken)
        {
            long started = time.GetTimestamp();
            try
            {
                using var deadline = Deadline.After(revivals - _reviving, time, cancellationToken);
                return await revive(deadline.Token);
            }
            finally
            {
                _reviving += time.GetElapsedTime(started);
            }
        }
    }

    // Unreachable: the target could not be reached at all. Environment: the grader could not do its part.
    // Blocks: the target lacks what every later check needs.
    private async Task<(CheckResult Result, bool Unreachable, bool Environment, bool Blocks)> RunOneAsync<TTarget>(
        ICheck<TTarget> check, TTarget target, TimeSpan limit, bool anyPassed, Patience patience, CancellationToken cancellationToken)
    {
        var transcript = new Transcript(time);
        long started = time.GetTimestamp();
        using var deadline = Deadline.After(limit, time, cancellationToken);
        var context = new CheckContext(payloads, time, limits with { ReplyTimeout = patience.Next() }, transcript, patience, deadline.Token);
        CheckResult Ended(CheckStatus status, string? message) =>
            new(check.Info, status, time.GetElapsedTime(started), message) { Transcript = transcript.Events, Session = context.Session };
        CheckResult Failed(string message) => Ended(CheckStatus.Failed, message);
        CheckResult NotJudged(string message) => Ended(CheckStatus.Error, message);

        try
        {
            await check.RunAsync(target, context);
            return (Ended(CheckStatus.Passed, null), false, false, false);
        }
        catch (CheckFailedException e)
        {
            return (Failed(e.Message), false, false, false);
        }
        catch (PrerequisiteMissingException e)
        {
            return (Failed(e.Message), false, false, true);
        }
        catch (CheckNotApplicableException e)
        {
            return (Ended(CheckStatus.Skipped, Strings.FormatSkippedNotApplicable(e.Message)), false, false, false);
        }
        catch (WireException e)
        {
            return (Failed(e.Message), false, false, false);
        }
        catch (ServerUnreachableException e)
        {
            string after = anyPassed
                ? Strings.UnreachableAfterPass
                : Strings.UnreachableHint;
            return (Failed($"{e.Message}\n{after}"), true, false, false);
        }
        catch (TargetUnreachableException e)
        {
            return (Failed(e.Message), true, false, false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            return (Failed(Strings.FormatCheckTimedOut(Durations.Format(limit))), false, false, false);
        }
        catch (GraderEnvironmentException e)
        {
            return (NotJudged(e.Message), false, true, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A grader must report, never crash, whatever a server does to it; an exception it did not expect
            // is its own trouble, not the program's.
            return (NotJudged(Strings.FormatCheckUnexpected(e.GetType().Name, e.Message)), false, false, false);
        }
    }
}
