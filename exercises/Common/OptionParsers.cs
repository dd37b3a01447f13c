using System.CommandLine.Parsing;
using System.Globalization;
using SocketExercises.Common.Texts;

namespace SocketExercises.Common;

/// <summary>
/// Parsers for numeric options that report a wrong value as a usage error, never an exception
/// (a validator alone would throw on a value that is not a number at all).
/// </summary>
public static class OptionParsers
{
    /// <summary>Parses a TCP port from 1 to 65535; <paramref name="source"/> names where it came from, for the error.</summary>
    public static int Port(string text, string source, ArgumentResult result, int min = 1)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= min && port <= 65535)
        {
            return port;
        }
        result.AddError(CommonTexts.FormatPortError(source, min, text));
        return 0;
    }

    /// <summary>Parses a positive number of seconds.</summary>
    public static double Seconds(string text, string source, ArgumentResult result)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
        {
            return seconds;
        }
        result.AddError(CommonTexts.FormatSecondsError(source, text));
        return 0;
    }

    /// <summary>The single token of an option's result (System.CommandLine gives one per option occurrence).</summary>
    public static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
