using System.Text.Unicode;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server sends text of its own into the echo: a newline after each echo (a WriteLine to the socket, or
/// <c>+ "\n"</c>), or a line such as a greeting. Seen where the echo and what was sent part: a line end, or a
/// whole line of text that the client never sent, after which the echo goes on.
/// </summary>
public sealed class SendsOwnText : IDiagnoser
{
    public const string NewlineId = "echo.adds-newline";
    public const string TextId = "echo.sends-own-text";

    // A line longer than this is not a greeting or a goodbye, and bytes that are not text are not one either.
    private const int LongestLine = 200;

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        foreach (var stream in ConnectionBytes.Of(failed.Transcript))
        {
            int at = stream.FirstDifference();
            if (at >= stream.Received.Length)
            {
                continue;
            }
            var came = stream.Received.AsSpan(at);
            bool sentHere = at < stream.Sent.Length;
            string party = Sentences.Capitalized(stream.Party);
            if ((came.StartsWith("\n"u8) || came.StartsWith("\r\n"u8)) && (!sentHere || stream.Sent[at] is not ((byte)'\n' or (byte)'\r')))
            {
                return new(NewlineId, EchoTexts.DiagnosisNewlineMistake, language.Choose(EchoTexts.DiagnosisNewlineFix, EchoTexts.DiagnosisNewlineFixPython),
                    EchoTexts.FormatDiagnosisNewlineEvidence(party, Counted.Bytes(at)));
            }
            // A check that reads only as many bytes as it sent may see just the start of the line: that start is
            // enough where the whole line was seen elsewhere.
            byte[] start = came.ToArray();
            var line = OwnLine(stream) ?? OwnLines(report).FirstOrDefault(l => l.AsSpan().StartsWith(start));
            if (line is not null)
            {
                return new(TextId, EchoTexts.DiagnosisOwnTextMistake, language.Choose(EchoTexts.DiagnosisOwnTextFix, EchoTexts.DiagnosisOwnTextFixPython), at == 0
                    ? EchoTexts.FormatDiagnosisOwnTextEvidenceFirst(party, ByteText.Quote(line))
                    : EchoTexts.FormatDiagnosisOwnTextEvidence(party, ByteText.Quote(line), Counted.Bytes(at)));
            }
        }
        return null;
    }

    // A line of text where the echo parts from what was sent, after which the echo goes on where it left off (or
    // nothing more came): the server's own words, whole.
    private static byte[]? OwnLine(ConnectionBytes stream)
    {
        int at = stream.FirstDifference();
        var came = stream.Received.AsSpan(Math.Min(at, stream.Received.Length));
        int end = came[..Math.Min(came.Length, LongestLine)].IndexOf((byte)'\n');
        bool line = end > 1 && Utf8.IsValid(came[..end]) && !came[..end].ContainsAnyInRange((byte)0, (byte)8);
        return line && stream.Sent.AsSpan(Math.Min(at, stream.Sent.Length)).StartsWith(came[(end + 1)..]) ? came[..(end + 1)].ToArray() : null;
    }

    private static IEnumerable<byte[]> OwnLines(GradeReport report) => report.Results
        .Where(r => r.Status == CheckStatus.Failed)
        .SelectMany(r => ConnectionBytes.Of(r.Transcript))
        .Select(OwnLine)
        .OfType<byte[]>();
}
