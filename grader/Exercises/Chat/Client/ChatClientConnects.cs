using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>§6: the client connects to the address it is given.</summary>
public sealed class ChatClientConnects : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.connects", "§6", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}
