using SocketExercises.Grader.Composition;

namespace SocketExercises.Grader.Batch;

/// <summary>One program of a submission, where the kit's layout keeps it, and which exercise grades it.</summary>
/// <param name="Exercise">What <c>check</c> calls it: <c>echo-server</c>.</param>
/// <param name="Project">The project folder, relative to the submission: <c>exercises/01-echo/EchoServer</c>.</param>
public sealed record KitProgram(string Exercise, string Project)
{
    /// <summary>The programs a submission holds, in the order they are graded.</summary>
    public static IReadOnlyList<KitProgram> All { get; } =
    [
        new(ServiceCollectionExtensions.EchoServer, "exercises/01-echo/EchoServer"),
        new(ServiceCollectionExtensions.EchoClient, "exercises/01-echo/EchoClient"),
        new(ServiceCollectionExtensions.AuthServer, "exercises/02-auth/AuthServer"),
        new(ServiceCollectionExtensions.AuthClient, "exercises/02-auth/AuthClient"),
    ];

    /// <summary>The project's name, which is also its assembly's.</summary>
    public string Name => Path.GetFileName(Project);

    public bool IsServer => Exercise.EndsWith("-server", StringComparison.Ordinal);
}
