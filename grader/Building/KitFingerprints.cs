namespace SocketExercises.Grader.Building;

/// <summary>
/// The kit's files that steer a program's build, as the kit ships them: their SHA-256, line ends made alike. Held
/// here, not read from the kit around the grader, because that kit may be the very copy being graded (a student's
/// own, or a trusted copy a student's programs were put into): only a file as shipped proves that a build is the
/// kit's. A test holds these to the repository's files and prints the new ones when a file changes.
/// </summary>
public static class KitFingerprints
{
    /// <summary>The project file of every exercise program: the same for all of them.</summary>
    public const string ProgramProject = "21645c2bb05b6344e472c6316efc03a7947a441f6fb470513175a4c4127d7660";

    /// <summary>The files around the programs, by their path in the kit.</summary>
    public static IReadOnlyDictionary<string, string> Surroundings { get; } = new Dictionary<string, string>
    {
        ["Directory.Build.props"] = "e5f9d570dc45c7b740cbf717c7367d36347439f8f8995b40ef26822eee030419",
        ["Directory.Packages.props"] = "11a2d1798cc851649d0465eeff7a02c64750c399ee7d8338c27149a2e5eb2184",
        ["global.json"] = "e76756643391c913ede73df24c7bdc3aba3f7936bf61c79d568c01f4be4ff3c1",
        [".editorconfig"] = "cb98f12906c1360589d23315a8ce42b1bb585001965e7fb99bf8379896d43538",
        ["exercises/Directory.Build.props"] = "7533bcd8ac4f169bedf8fc8c752ad7930c4903d904a9a34cda09c04d80580550",
    };

    /// <summary>The analyzer's properties, which exercises/ imports where a copy has them (a batch switches the analyzer off).</summary>
    public const string AnalyzerProps = "6900a67ab59fcdb955963f0f0c2d793c8dbbf0ac37c30f3a255c46e1025eb4a6";

    /// <summary>The fingerprint of a file: its SHA-256 in hex, with CR LF read as LF (a checkout on Windows changes them; a build does not care).</summary>
    public static string Of(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] alike = [.. bytes.Where((b, i) => !(b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n'))];
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(alike));
    }
}
