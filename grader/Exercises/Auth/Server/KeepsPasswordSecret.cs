using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>
/// §16 (and §31): the server never prints the password, as it is, in hex or in Base64. All it printed is searched,
/// as it printed it, not only the part the grader keeps: a server cannot hide it behind a screenful of output.
/// </summary>
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
        string? line = started.Output.Split('\n').FirstOrDefault(l => l.Contains(target.Password, StringComparison.Ordinal));
        switch (started.PrintedSecret(target.Password))
        {
            case null:
                return Task.CompletedTask;
            case SecretForm.AsIs when line is not null:
                throw new CheckFailedException(AuthTexts.FormatAuthPrintedPassword(line.Replace(target.Password, AuthTexts.PasswordPlaceholder, StringComparison.Ordinal).Trim()));
            case SecretForm.AsIs:
                throw new CheckFailedException(AuthTexts.AuthPrintedPasswordUnshown);
            case SecretForm.Hex:
                throw new CheckFailedException(AuthTexts.FormatAuthPrintedPasswordEncoded(AuthTexts.SecretFormHex));
            default:
                throw new CheckFailedException(AuthTexts.FormatAuthPrintedPasswordEncoded(AuthTexts.SecretFormBase64));
        }
    }
}
