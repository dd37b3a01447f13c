using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Server.Diagnoses;

/// <summary>
/// The server sends every line to every member, the sender included: a member that joined as X got back its own
/// <c>JOIN X</c> or <c>MSG X …</c>. One loop over the members without "except the sender" fails every check
/// that listens to the sender after it spoke (its own message, its own join, its own long line).
/// </summary>
public sealed class SendsToSender : IDiagnoser
{
    public const string Id = "chat.sends-to-sender";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language) =>
        OwnLineBack(failed) is { } evidence
            ? new(Id, ChatTexts.DiagnosisSendsToSenderMistake, language.Choose(ChatTexts.DiagnosisSendsToSenderFix, ChatTexts.DiagnosisSendsToSenderFixPython), evidence)
            : null;

    // A connection that joined as a name and received a notice or a message of that same name.
    private static string? OwnLineBack(CheckResult result)
    {
        foreach (var connection in ConnectionBytes.Of(result.Transcript))
        {
            string sent = Encoding.UTF8.GetString(connection.Sent), received = Encoding.UTF8.GetString(connection.Received);
            // The name it joined with is the last it asked for: an earlier one may have been refused, and be another member's.
            if (sent.Split('\n').LastOrDefault(l => l.StartsWith("NICK ", StringComparison.Ordinal)) is not { } nick)
            {
                continue;
            }
            string name = nick[5..].TrimEnd('\r');
            if (received.Split('\n').FirstOrDefault(l => l == $"JOIN {name}" || l.StartsWith($"MSG {name} ", StringComparison.Ordinal)) is { } own)
            {
                return ChatTexts.FormatDiagnosisSendsToSenderEvidence(name, ByteText.Quote(Encoding.UTF8.GetBytes(Shortened(own) + "\n")));
            }
        }
        return null;
    }

    private static string Shortened(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
