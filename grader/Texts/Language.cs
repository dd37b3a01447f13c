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
