using System.Text;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§12: a wrong password gets ERR and the close.</summary>
internal sealed class RejectsWrongPassword : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.rejects-wrong-password", "§12", AuthTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        string wrong = Encoding.ASCII.GetString(context.Payloads.Text(context.Payloads.For(Info.Id), 12)).Replace(' ', 'x');
        var line = AuthServerTarget.Line("AUTH " + wrong);
        return AuthExchange.ExpectRefusedAsync(target, line, AuthTexts.FormatAuthWhatWrongPassword(AuthExchange.Show(line)), context);
    }
}
