using System.Globalization;
using System.Resources;

namespace SocketExercises.Common.Texts;

/// <summary>
/// The texts of the shared options and their errors, in English (<c>CommonTexts.resx</c>) and Croatian
/// (<c>CommonTexts.hr.resx</c>). The exercise programs speak English; the grader, which shares these options,
/// sets the language its user chose, and these follow it.
/// </summary>
public static class CommonTexts
{
    public static ResourceManager ResourceManager { get; } = new("SocketExercises.Common.Texts.CommonTexts", typeof(CommonTexts).Assembly);

    public static string HostDescription => Get(nameof(HostDescription));

    public static string PortDescription => Get(nameof(PortDescription));

    public static string PortError => Get(nameof(PortError));

    public static string SecondsError => Get(nameof(SecondsError));

    public static string HostNotFound => Get(nameof(HostNotFound));

    public static string SeeHelp => Get(nameof(SeeHelp));

    private static string Get(string key) =>
        ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text {key} in CommonTexts.resx.");
}
