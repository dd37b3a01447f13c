using System.Reflection;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;

namespace SocketExercises.Testing;

/// <summary>
/// Commands that run the kit's own programs as built by the test projects' references: the solutions, the
/// starters and the catalogue. Running the built dll directly, rather than through dotnet run, keeps each start fast.
/// </summary>
public static class KitPrograms
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static ShellCommand SolutionEchoServer => Project("solutions/01-echo/EchoServer", "--port {port}");

    public static ShellCommand SolutionEchoClient => Project("solutions/01-echo/EchoClient", "--port {port}");

    public static ShellCommand SolutionAuthServer => Project("solutions/02-auth/AuthServer", "--port {port}");

    public static ShellCommand SolutionAuthClient => Project("solutions/02-auth/AuthClient", "--port {port}");

    public static ShellCommand SolutionChatServer => Project("solutions/03-chat/ChatServer", "--port {port}");

    /// <summary>The starter of <paramref name="exercise"/>, as a student clones it.</summary>
    public static ShellCommand Starter(Exercise exercise) => Project($"exercises/{exercise.Project}", "--port {port}");

    public static ShellCommand SolutionChatClient => Project("solutions/03-chat/ChatClient", "--port {port}");

    /// <summary>
    /// The folder whose programs Submission.Tests grades: exercises/, the student's work, unless
    /// SOCKET_EXERCISES_FOLDER names another (solutions, to see the grading pass).
    /// </summary>
    public static string SubmissionFolder =>
        Environment.GetEnvironmentVariable("SOCKET_EXERCISES_FOLDER") is { Length: > 0 } folder ? folder : "exercises";

    /// <summary>The submission's program in <paramref name="project"/>, such as 01-echo/EchoServer.</summary>
    public static ShellCommand Submission(string project) => Project($"{SubmissionFolder}/{project}", "--port {port}");

    /// <summary>The program <paramref name="name"/> of <paramref name="exercise"/> from the catalogue of broken and unusual implementations.</summary>
    public static ShellCommand Catalogue(string exercise, string name) => Project("tests/Catalogue", $"{exercise} {name} --port {{port}}");

    /// <summary>An echo server from the catalogue.</summary>
    public static ShellCommand CatalogueServer(string name) => Catalogue("echo-server", name);

    /// <summary>An echo client from the catalogue.</summary>
    public static ShellCommand CatalogueClient(string name) => Catalogue("echo-client", name);

    /// <summary>The catalogue's echo programs in Python, the course's language (tests/Catalogue/Echo/python).</summary>
    public static string PythonPrograms { get; } = Path.Combine(RepositoryRoot, "tests", "Catalogue", "Echo", "python");

    /// <summary>The catalogue's chat programs in Python (tests/Catalogue/Chat/python).</summary>
    public static string PythonChatPrograms { get; } = Path.Combine(RepositoryRoot, "tests", "Catalogue", "Chat", "python");

    /// <summary>Programs written to misbehave on purpose: escape the grader, stop listening, flood it (tests/Catalogue/Hostile/python).</summary>
    public static string HostilePrograms { get; } = Path.Combine(RepositoryRoot, "tests", "Catalogue", "Hostile", "python");

    /// <summary>Exercise 02's server in Python, a folder for each: compare_digest (correct), equals (the password compared with ==).</summary>
    public static string PythonAuthPrograms { get; } = Path.Combine(RepositoryRoot, "tests", "Catalogue", "Auth", "python");

    /// <summary>Exercise 04's server and client in Python, written with hmac and secrets.</summary>
    public static string PythonChallengePrograms { get; } = Path.Combine(RepositoryRoot, "tests", "Catalogue", "Challenge", "python");

    /// <summary>The grader's own command line, as scripts and CI call it.</summary>
    public static ShellCommand Grader(string arguments) => Project("grader", arguments, "socket-grader");

    /// <summary>
    /// The project folder of a reference solution, a starter or a submission that <paramref name="command"/> runs, whose
    /// code a grading reviews; null for any other program (the catalogue's are many programs in one project).
    /// </summary>
    public static string? SourceOf(ShellCommand? command)
    {
        string start = $"dotnet \"{RepositoryRoot}/";
        int end = command?.Text.StartsWith(start, StringComparison.Ordinal) == true ? command.Text.IndexOf("/bin/", start.Length, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return null;
        }
        string folder = command!.Text[start.Length..end];
        return folder.StartsWith("solutions/", StringComparison.Ordinal) || folder.StartsWith("exercises/", StringComparison.Ordinal)
            || folder.StartsWith(SubmissionFolder + "/", StringComparison.Ordinal)
            ? Path.Combine(RepositoryRoot, folder)
            : null;
    }

    /// <summary>Runs the program that <paramref name="projectFolder"/> builds, with <paramref name="arguments"/>.</summary>
    public static ShellCommand Project(string projectFolder, string arguments, string? assemblyName = null) =>
        new($"dotnet \"{Path.Combine(Output(projectFolder, assemblyName), (assemblyName ?? Path.GetFileName(projectFolder)) + ".dll")}\" {arguments}");

    /// <summary>The folder <paramref name="projectFolder"/> is built into, holding its assembly and everything it needs to run.</summary>
    public static string Output(string projectFolder, string? assemblyName = null)
    {
        string folder = Path.Combine(RepositoryRoot, projectFolder, "bin", Metadata("Configuration"), Metadata("TargetFramework"));
        string dll = Path.Combine(folder, (assemblyName ?? Path.GetFileName(projectFolder)) + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built. Build the solution (dotnet build) before running the tests.", dll);
        }
        return folder;
    }

    private static string Metadata(string key) =>
        typeof(KitPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key}.");
}
