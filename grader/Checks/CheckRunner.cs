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
    public async Task<IReadOnlyList<CheckResult>> RunAsync<TTarget>(
        IEnumerable<ICheck<TTarget>> checks, TTarget target, IRevival? revival, CancellationToken cancellationToken, TimeSpan? timeLimit = null, Patience? patience = null)
    {
        var total = timeLimit ?? options.TotalTimeLimit;
        patience ??= Patience.Fixed(limits.ReplyTimeout);
        var results = new List<CheckResult>();
        string? skipReason = null;
        string? notGraded = null; // the grader's own trouble, which every check after it would meet too
        long started = time.GetTimestamp();
        foreach (var check in checks)
        {
            skipReason ??= OutOfTime(started, total);
            if (skipReason is null && results.Count > 0 && revival is not null)
            {
                // Bringing the server back counts against the grading budget too.
                using var budget = Deadline.After(Remaining(started, total), time, cancellationToken);
                if (await revival.ReviveAsync(results[^1].Info, unreachable: false, budget.Token) == Revival.Failed)
                {
                    skipReason = Strings.SkippedNotRestarted;
                }
                cancellationToken.ThrowIfCancellationRequested();
                skipReason ??= OutOfTime(started, total);
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

            var remaining = Remaining(started, total);
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
            if (unreachable && !await RevivedAsync(revival, check.Info, Remaining(started, total), cancellationToken))
            {
                // Everything after this would fail the same way: say it once, here, and skip the rest.
                skipReason = Strings.FormatSkippedUnreachable(check.Info.Id);
            }
        }
        return results;
    }

    private TimeSpan Remaining(long started, TimeSpan total) => total - time.GetElapsedTime(started);

    private string? OutOfTime(long started, TimeSpan total) => Remaining(started, total) > TimeSpan.Zero
        ? null
        : Strings.FormatSkippedOutOfTime(Durations.Format(total));

    private async Task<bool> RevivedAsync(IRevival? revival, CheckInfo failed, TimeSpan remaining, CancellationToken cancellationToken)
    {
        if (revival is null || remaining <= TimeSpan.Zero)
        {
            return false;
        }
        using var budget = Deadline.After(remaining, time, cancellationToken);
        return await revival.ReviveAsync(failed, unreachable: true, budget.Token) == Revival.Restarted;
    }

    // Unreachable: the target could not be reached at all. Environment: the grader could not do its part.
    // Blocks: the target lacks what every later check needs.
    private async Task<(CheckResult Result, bool Unreachable, bool Environment, bool Blocks)> RunOneAsync<TTarget>(
        ICheck<TTarget> check, TTarget target, TimeSpan limit, bool anyPassed, Patience patience, CancellationToken cancellationToken)
    {
        var transcript = new Transcript(time);
        long started = time.GetTimestamp();
        CheckResult Failed(string message) => new(check.Info, CheckStatus.Failed, time.GetElapsedTime(started), message) { Transcript = transcript.Events };
        CheckResult NotJudged(string message) => new(check.Info, CheckStatus.Error, time.GetElapsedTime(started), message) { Transcript = transcript.Events };

        using var deadline = Deadline.After(limit, time, cancellationToken);
        try
        {
            var checkLimits = limits with { ReplyTimeout = patience.Next() };
            await check.RunAsync(target, new CheckContext(payloads, time, checkLimits, transcript, patience, deadline.Token));
            return (new CheckResult(check.Info, CheckStatus.Passed, time.GetElapsedTime(started)) { Transcript = transcript.Events }, false, false, false);
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
            return (new CheckResult(check.Info, CheckStatus.Skipped, time.GetElapsedTime(started), Strings.FormatSkippedNotApplicable(e.Message)) { Transcript = transcript.Events }, false, false, false);
        }
        catch (WireException e)
        {
            return (Failed(e.Message), false, false, false);
        }
        catch (ServerUnreachableException e)
        {
            string context = anyPassed
                ? Strings.UnreachableAfterPass
                : Strings.UnreachableHint;
            return (Failed($"{e.Message}\n{context}"), true, false, false);
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
