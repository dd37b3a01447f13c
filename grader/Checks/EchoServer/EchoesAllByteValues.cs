using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: data is bytes, not text: every value from 0 to 255, including those that are not valid UTF-8.</summary>
public sealed class EchoesAllByteValues(Payloads payloads) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.all-byte-values", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var values = Enumerable.Range(0, 256).Select(v => (byte)v).ToArray();
        payloads.For(Info.Id).Shuffle(values);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await EchoExchange.EchoAsync(client, values, cancellationToken);
    }
}
