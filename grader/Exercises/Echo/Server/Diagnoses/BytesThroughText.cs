using System.Globalization;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server turns the bytes into a string and back: where a byte that is not valid text was sent, UTF-8 gives
/// back EF BF BD (the replacement character) and ASCII a question mark.
/// </summary>
public sealed class BytesThroughText : IDiagnoser
{
    public const string Id = "echo.bytes-through-text";

    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        foreach (var stream in ConnectionBytes.Of(failed.Transcript))
        {
            int at = stream.FirstDifference();
            if (at >= stream.Sent.Length || at >= stream.Received.Length)
            {
                continue;
            }
            string party = Sentences.Capitalized(stream.Party);
            if (ReplacedAt(stream, at) is { } replaced)
            {
                return Made(EchoTexts.FormatDiagnosisThroughTextUtf8(party, stream.Sent[replaced].ToString("X2", CultureInfo.InvariantCulture), replaced), language);
            }
            if (stream.Sent[at] >= 0x80 && stream.Received[at] == (byte)'?')
            {
                return Made(EchoTexts.FormatDiagnosisThroughTextAscii(party, stream.Sent[at].ToString("X2", CultureInfo.InvariantCulture), at), language);
            }
        }
        return null;
    }

    // Where the replacement character stands for a byte that was sent: at the first difference, or up to two bytes
    // before it when the byte sent there was EF or EF BF, which the replacement starts with too.
    private static int? ReplacedAt(ConnectionBytes stream, int at)
    {
        for (int start = at; start >= 0 && start > at - Replacement.Length; start--)
        {
            bool replaced = stream.Received.AsSpan(start).StartsWith(Replacement) && !stream.Sent.AsSpan(start).StartsWith(Replacement);
            if (replaced && stream.Sent[start] >= 0x80)
            {
                return start;
            }
        }
        return null;
    }

    private static Diagnosis Made(string evidence, ProgramLanguage language) =>
        new(Id, EchoTexts.DiagnosisThroughTextMistake, language.Choose(EchoTexts.DiagnosisThroughTextFix, EchoTexts.DiagnosisThroughTextFixPython), evidence);
}
