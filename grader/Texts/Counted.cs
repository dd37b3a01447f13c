using System.Globalization;

namespace SocketExercises.Grader.Texts;

/// <summary>
/// Counts with the right word: "1 byte", "3 bytes"; in Croatian "1 bajt", "3 bajta", "5 bajtova". Croatian
/// has three forms, chosen by the number's last digits, so one "{0} bytes" text cannot serve.
/// </summary>
public static class Counted
{
    /// <summary><paramref name="count"/> bytes, in the current language.</summary>
    public static string Bytes(long count) => Pick(count, Strings.BytesOne, Strings.BytesFew, Strings.BytesMany);

    /// <summary><paramref name="count"/> failed checks, in the current language, as the object of a sentence ("explains 3 failed checks").</summary>
    public static string FailedChecks(long count) => Pick(count, Strings.FailedChecksOne, Strings.FailedChecksFew, Strings.FailedChecksMany);

    private static string Pick(long count, string one, string few, string many) => string.Format(CultureInfo.CurrentCulture, Form(count) switch
    {
        PluralForm.One => one,
        PluralForm.Few => few,
        _ => many,
    }, count);

    private enum PluralForm
    {
        One,
        Few,
        Many,
    }

    // The Croatian rule (English needs only One and the rest): 1, 21, 31… take One, but not 11;
    // 2–4, 22–24… take Few, but not 12–14.
    private static PluralForm Form(long count)
    {
        long lastDigit = count % 10;
        long lastTwo = count % 100;
        if (lastDigit == 1 && lastTwo != 11)
        {
            return count == 1 || IsCroatian ? PluralForm.One : PluralForm.Many;
        }
        if (lastDigit is >= 2 and <= 4 && lastTwo is < 12 or > 14)
        {
            return PluralForm.Few;
        }
        return PluralForm.Many;
    }

    private static bool IsCroatian => CultureInfo.CurrentUICulture.Name.StartsWith(Language.Croatian, StringComparison.Ordinal);
}
