namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: data is bytes, not text: every value from 0 to 255, including those that are not valid UTF-8.</summary>
public sealed class EchoesAllByteValues(Payloads payloads) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new(
        "echo.all-byte-values",
        "echoes all 256 byte values, which are not all valid text",
        "§2",
        "Don't turn the data into a string and back: bytes such as 0xFF are not valid UTF-8 and get replaced. Send back the raw bytes you received.");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var values = Enumerable.Range(0, 256).Select(v => (byte)v).ToArray();
        payloads.For(Info.Id).Shuffle(values);
        await using var client = await target.ConnectAsync("the client", cancellationToken);
        await EchoExchange.EchoAsync(client, values, cancellationToken);
    }
}
