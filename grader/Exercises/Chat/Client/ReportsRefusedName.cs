using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>§26: on ERR the client prints the server's reason and exits with a code other than 0.</summary>
public sealed class ReportsRefusedName : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.reports-refusal", "§26", ChatTexts.ResourceManager);

    protected override Task<ClientRun<ChatClientExchange>> RunClientAsync(ChatClientUnderTest target, CheckContext context) =>
        target.RefusedAsync(context);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        if (!(session.Output + session.Errors).Contains(ChatClientUnderTest.RefusalReason, StringComparison.Ordinal))
        {
            throw new CheckFailedException(ChatTexts.FormatChatClientNoReason(ChatClientUnderTest.RefusalReason) + "\n" + session.ShowOutput());
        }
        ExpectExit(session, ChatTexts.ChatClientAfterRefused, success: false);
    }
}
