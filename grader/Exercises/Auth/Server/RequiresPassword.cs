using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§16 (and §31): without a password the server refuses to start, with a message and not a crash.</summary>
internal sealed class RequiresPassword<TTarget>(CheckInfo info) : ServerCheck<TTarget>
    where TTarget : IPasswordServer
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);

    public override CheckInfo Info => info;

    public override TimeSpan TimeLimit => StartLimit + TimeSpan.FromSeconds(2);

    public override async Task RunAsync(TTarget target, CheckContext context)
    {
        if (target.Started is not { } started)
        {
            throw new CheckNotApplicableException(AuthTexts.AuthNeedsStart);
        }
        try
        {
            // The copy is stopped at once: all that matters is that it listened.
            await using var listening = await started.StartAnotherAsync(
                AuthServerTarget.Settings("", target.LoginTimeout), StartLimit, context.Cancellation);
        }
        catch (Running.ServerStartException refused)
        {
            if (refused.ExitCode is null)
            {
                throw new CheckFailedException(AuthTexts.FormatAuthNoPasswordHung(Durations.Format(StartLimit)));
            }
            if (refused.ExitCode == 0)
            {
                throw new CheckFailedException(AuthTexts.AuthNoPasswordExitZero);
            }
            if (string.IsNullOrWhiteSpace(refused.Output) || refused.Output.Contains("   at ", StringComparison.Ordinal))
            {
                throw new CheckFailedException(string.IsNullOrWhiteSpace(refused.Output)
                    ? AuthTexts.FormatAuthNoPasswordSilent(refused.ExitCode)
                    : AuthTexts.FormatAuthNoPasswordStackTrace(refused.ExitCode));
            }
            return;
        }
        throw new CheckFailedException(AuthTexts.AuthNoPasswordListened);
    }
}
