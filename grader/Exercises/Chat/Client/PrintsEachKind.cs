using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>§26: MSG, JOIN, LEAVE and ERR are each printed as a person reads them, each on a line of its own.</summary>
public sealed class PrintsEachKind : ChatClientCheck
{
    private static readonly (string Sent, string Printed)[] Kinds =
    [
        ("MSG Ana jesi li tu?", "Ana: jesi li tu?"),
        ("JOIN Ivo", "* Ivo joined"),
        ("LEAVE Ivo", "* Ivo left"),
        ("ERR name in use", "! name in use"),
    ];

    public override CheckInfo Info { get; } = new("chat-client.prints-each-kind", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        var missing = Kinds.Where(kind => !PrintedLine(session, kind.Printed)).ToList();
        if (missing.Count > 0)
        {
            throw new CheckFailedException(ChatTexts.FormatChatClientKindsMissing(
                string.Join("; ", missing.Select(kind => ChatTexts.FormatChatClientKindMissing(kind.Sent, kind.Printed)))) + "\n" + session.ShowOutput());
        }
    }
}
