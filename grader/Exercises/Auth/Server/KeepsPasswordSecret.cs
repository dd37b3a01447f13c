using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§16 (and §31): the server never prints the password.</summary>
internal sealed class KeepsPasswordSecret<TTarget>(CheckInfo info) : ServerCheck<TTarget>
    where TTarget : IPasswordServer
{
    public override CheckInfo Info => info;

    public override Task RunAsync(TTarget target, CheckContext context)
    {
        if (target.Started is not { } started)
        {
            throw new CheckNotApplicableException(AuthTexts.AuthOutputNeedsStart);
        }
        if (started.Output.Contains(target.Password, StringComparison.Ordinal))
        {
            var line = started.Output.Split('\n').First(l => l.Contains(target.Password, StringComparison.Ordinal));
            throw new CheckFailedException(AuthTexts.FormatAuthPrintedPassword(line.Replace(target.Password, AuthTexts.PasswordPlaceholder, StringComparison.Ordinal).Trim()));
        }
        return Task.CompletedTask;
    }
}
