using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// §26: nothing after NICK until the answer. The user types a line at once, and the grader answers only half a
/// second later: the line must wait for the OK.
/// </summary>
public sealed class WaitsForOk : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.waits-for-ok", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        if (exchange.BeforeAnswer.Length > 0)
        {
            throw new CheckFailedException(ChatTexts.FormatChatClientSentBeforeOk(Show(exchange.BeforeAnswer)) + "\n" + session.ShowOutput());
        }
    }
}
