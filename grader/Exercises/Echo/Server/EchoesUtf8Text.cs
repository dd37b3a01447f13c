using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: text with Croatian letters, which take two bytes each in UTF-8, comes back byte for byte.</summary>
public sealed class EchoesUtf8Text : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.utf8-text", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        await EchoExchange.EchoAsync(client, "Dobar dan! Šaljem čćžšđ i ČĆŽŠĐ, a žuti đak peče ćevape.", context.Cancellation);
    }
}
