using System.Text;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§12: nothing the client sends is echoed before OK, not even bytes after a refused line.</summary>
internal sealed class EchoesNothingBeforeLogin : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.nothing-before-ok", "§12", AuthTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        var wrongThenData = Encoding.UTF8.GetBytes("AUTH not-the-password\nsecret data");
        await AuthExchange.ExpectRefusedAsync(target, wrongThenData, AuthTexts.FormatAuthWhatWrongThenData(AuthExchange.Show(wrongThenData)), context);

        var otherFirst = Encoding.UTF8.GetBytes($"HELLO\nAUTH {target.Password}\n");
        await AuthExchange.ExpectRefusedAsync(target, otherFirst, AuthTexts.AuthWhatOtherFirst, context);
    }
}
