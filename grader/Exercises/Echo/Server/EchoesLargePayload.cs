using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: 1 MiB of random bytes, echoed while the grader is still sending.</summary>
public sealed class EchoesLargePayload : ServerCheck<ServerTarget>
{
    public const int Size = 1024 * 1024;

    /// <summary>Room for a correct but slow server (a tiny buffer, a delay per echo); a stall still fails within the reply timeout.</summary>
    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(15);

    public override CheckInfo Info { get; } = new("echo.large-payload", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var payload = context.Payloads.Bytes(Info.Id, Size);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);

        // Read while writing: 1 MiB is more than the socket buffers hold, so a server that echoes only
        // after reading everything, or a grader that reads only after writing everything, would stall.
        var echo = EchoExchange.ExpectEchoAsync(client, payload, context.Cancellation);
        var send = client.SendAsync(payload, context.Cancellation);
        await Task.WhenAll(echo, send);
    }
}
