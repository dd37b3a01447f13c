using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace SocketExercises.Grader.Tests.Sandbox;

/// <summary>
/// A test that needs a Docker engine. Without one it is skipped, with a message that says how to run it, so
/// a student's <c>dotnet test</c> passes on a machine with no Docker. CI sets <see cref="RequiredVariable"/>:
/// then a missing engine runs the test anyway and fails it, and a broken engine can never pass silently.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public const string RequiredVariable = "SOCKET_EXERCISES_REQUIRE_DOCKER";

    // The caller's file and line let a test explorer go from the test to its source.
    public DockerFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Skip = DockerEngine.SkipReason;
}

/// <summary>A theory that needs a Docker engine, skipped or failed without one as <see cref="DockerFactAttribute"/> says.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Skip = DockerEngine.SkipReason;
}

/// <summary>Whether a Docker engine answers, asked once: at DOCKER_HOST if set, else at its usual Unix socket.</summary>
internal static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static bool Answers { get; } = Probe();

    /// <summary>Why a test that needs the engine is skipped here; null when it runs.</summary>
    public static string? SkipReason =>
        Answers || Environment.GetEnvironmentVariable(DockerFactAttribute.RequiredVariable) == "1"
            ? null
            : "No Docker engine answers here, and these tests grade servers in containers. To run them: start "
                + $"Docker and run sandbox/build-images.sh once. Set {DockerFactAttribute.RequiredVariable}=1 to make a missing engine fail them instead.";

    private static bool Probe()
    {
        // The tests' own Docker clients speak to an older engine as the grader's do.
        Grader.Sandbox.DockerApiVersion.AdoptTheEngines();
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true; // a remote or custom engine: let the tests find out
        }
        if (OperatingSystem.IsWindows() || !File.Exists(DefaultSocket))
        {
            return false;
        }
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(DefaultSocket));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
