using System.Globalization;

namespace SocketExercises.Grader.Texts;

/// <summary>
/// The language of everything the grader says: English or Croatian, chosen with <c>--lang</c> or taken from
/// the system. The grader runs with invariant globalization, where .NET reports no system culture, so the
/// system's choice is read where Unix keeps it (LC_ALL, LC_MESSAGES, LANG) when .NET has none.
/// </summary>
public static class Language
{
    public const string English = "en";
    public const string Croatian = "hr";

    public static IReadOnlyList<string> Supported { get; } = [English, Croatian];

    // Where Unix says which language messages should be in, most specific first.
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The language to use: <paramref name="requested"/> if given, otherwise the system's if supported, otherwise English.</summary>
    public static CultureInfo Resolve(string? requested) => CultureInfo.GetCultureInfo(requested ?? FromSystem());

    /// <summary>
    /// The language asked for with <c>--lang</c> in <paramref name="args"/>, if it is one the grader speaks. Read before
    /// the command line is parsed, so that its help is in that language too.
    /// </summary>
    public static string? Requested(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string? value = args[i] == "--lang" && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) ? args[i]["--lang=".Length..]
                : null;
            if (value is not null && Supported.Contains(value))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>Makes <paramref name="culture"/> the language of this flow of work and everything it starts.</summary>
    public static void Use(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

    private static string FromSystem()
    {
        string name = CultureInfo.CurrentUICulture.Name;
        if (name.Length == 0)
        {
            name = LocaleVariables
                .Select(Environment.GetEnvironmentVariable)
                .FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
        }
        string language = name.Split('_', '-', '.')[0].ToLowerInvariant();
        return Supported.Contains(language) ? language : English;
    }
}
