using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server sends its whole receive buffer, not the bytes the receive put in it: after the echo come zeros (a
/// fresh buffer) or bytes of an earlier message (one used before). Zeros are proof on their own; earlier bytes
/// are taken as this mistake only when zeros showed it in another check too, as a server that echoes a message
/// twice also sends bytes it was sent before.
/// </summary>
public sealed class SendsWholeBuffer : IDiagnoser
{
    public const string Id = "echo.sends-whole-buffer";

    // Fewer zeros than this could be the payload's own (the all-byte-values check sends one).
    private const int ZerosThatProve = 8;

    // How much of what came instead is looked for among the bytes sent before.
    private const int StaleWindow = 16;

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        if (ZeroFilled(failed) is { } zeros)
        {
            return Made(zeros, language);
        }
        bool zerosElsewhere = report.Results.Any(r => r != failed && r.Status == CheckStatus.Failed && ZeroFilled(r) is not null);
        return zerosElsewhere && Stale(failed) is { } stale ? Made(stale, language) : null;
    }

    private static Diagnosis Made(string evidence, ProgramLanguage language) =>
        new(Id, EchoTexts.DiagnosisWholeBufferMistake, language.Choose(EchoTexts.DiagnosisWholeBufferFix, EchoTexts.DiagnosisWholeBufferFixPython), evidence);

    private static string? ZeroFilled(CheckResult result)
    {
        foreach (var stream in ConnectionBytes.Of(result.Transcript))
        {
            int at = stream.FirstDifference();
            int zeros = at < stream.Received.Length ? stream.ZerosFrom(at) : 0;
            if (zeros >= ZerosThatProve && (at >= stream.Sent.Length || stream.Sent[at] != 0))
            {
                return EchoTexts.FormatDiagnosisWholeBufferZeros(Sentences.Capitalized(stream.Party), Counted.Bytes(at), Counted.Bytes(zeros));
            }
        }
        return null;
    }

    private static string? Stale(CheckResult result)
    {
        foreach (var stream in ConnectionBytes.Of(result.Transcript))
        {
            int at = stream.FirstDifference();
            if (at >= stream.Received.Length || stream.Received.Length - at < ZerosThatProve)
            {
                continue;
            }
            var came = stream.Received.AsSpan(at, Math.Min(StaleWindow, stream.Received.Length - at));
            if (stream.Sent.AsSpan(0, Math.Min(at, stream.Sent.Length)).IndexOf(came) >= 0)
            {
                return EchoTexts.FormatDiagnosisWholeBufferStale(Sentences.Capitalized(stream.Party), Counted.Bytes(at));
            }
        }
        return null;
    }
}
