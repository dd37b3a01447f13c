using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client.Diagnoses;

/// <summary>
/// The client prints what its first receive returned and exits: the echo came in pieces, and the client printed
/// the start of it, at least the first piece, but never the whole.
/// </summary>
public sealed class PrintsOneReceive : IDiagnoser
{
    public const string Id = "echo-client.prints-one-receive";

    // What may follow the printed start on its line: a closing quote and bracket, no more.
    private const int MostAfterPrintedStart = 3;

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        if (failed.Session is not { Connected: true, ExitedInTime: true } session)
        {
            return null;
        }
        // The echo is what the client sent: the grader, sending it in pieces, may not have sent it all before the client left.
        var played = ConnectionBytes.Of(failed.Transcript, Strings.PartyGrader);
        if (played is not { Received.Length: > EchoPlay.PieceSize })
        {
            return null;
        }
        string echo = Encoding.UTF8.GetString(played.Received);
        int printed = LongestPrintedStart(echo, session.Output);
        return printed >= EchoPlay.PieceSize && printed < echo.Length
            ? new(Id, EchoTexts.DiagnosisOneReceivePrintedMistake, language.Choose(EchoTexts.DiagnosisOneReceivePrintedFix, EchoTexts.DiagnosisOneReceivePrintedFixPython), EchoTexts.FormatDiagnosisOneReceivePrintedEvidence(
                ByteText.Quote(Encoding.UTF8.GetBytes(echo[..printed])), Counted.Bytes(played.Received.Length)))
            : null;
    }

    // How much of the echo's start the output holds at the end of a line (give or take a quote or a bracket, as
    // Python prints b'Hel'), where it does not hold all of it: a client that decodes wrongly prints more after
    // the start (question marks), one that prints one receive stops there.
    private static int LongestPrintedStart(string echo, string output)
    {
        if (output.Contains(echo, StringComparison.Ordinal))
        {
            return echo.Length;
        }
        for (int length = echo.Length - 1; length > 0; length--)
        {
            string start = echo[..length];
            for (int at = output.IndexOf(start, StringComparison.Ordinal); at >= 0; at = output.IndexOf(start, at + 1, StringComparison.Ordinal))
            {
                string rest = output[(at + length)..].Split('\n')[0].Trim();
                if (rest.Length <= MostAfterPrintedStart)
                {
                    return length;
                }
            }
        }
        return 0;
    }
}
