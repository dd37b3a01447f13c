using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: data is bytes, not text: every value from 0 to 255, including those that are not valid UTF-8.</summary>
public sealed class EchoesAllByteValues : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.all-byte-values", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var values = Enumerable.Range(0, 256).Select(v => (byte)v).ToArray();
        context.Payloads.For(Info.Id).Shuffle(values);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        await EchoExchange.EchoAsync(client, values, context.Cancellation);
    }
}
