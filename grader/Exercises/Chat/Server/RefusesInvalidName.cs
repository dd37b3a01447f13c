using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §19: names that are not 1 to 16 letters, digits, <c>_</c> or <c>-</c> are refused, and the connection stays
/// open. Each is wrong under any reading of the rule: the long one has 30 characters (and bytes).
/// </summary>
internal sealed class RefusesInvalidName : ServerCheck<ServerTarget>
{
    private static readonly string[] Invalid = ["two words", "", "slash/name", new('x', 30)];

    public override CheckInfo Info { get; } = new("chat.refuses-invalid-name", "§19", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await ChatPeer.ConnectAsync(target, "Cvita-5", context);
        foreach (string name in Invalid)
        {
            await client.SendLineAsync("NICK " + name);
            await client.ExpectErrAsync(ChatTexts.FormatChatAfterInvalidName(ChatPeer.Show("NICK " + name)));
        }
        await client.JoinAsync();
    }
}
