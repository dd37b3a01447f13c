namespace SocketExercises.Grader.Sandbox;

/// <summary>How a submission runs in its container: the image, its files, and the limits it gets.</summary>
/// <param name="Image">The image to run it in, such as <see cref="DotnetImage"/>.</param>
/// <param name="Folder">The folder on this machine that holds the program, seen read-only at <see cref="SubmissionPath"/>.</param>
public sealed record SandboxOptions(string Image, string Folder)
{
    /// <summary>Images that sandbox/build-images.sh builds without a registry; public ones serve as well.</summary>
    public const string DotnetImage = "socket-exercises/dotnet:offline";

    public const string PythonImage = "socket-exercises/python:offline";

    /// <summary>Where the submission's folder appears in the container, and its working directory.</summary>
    public const string SubmissionPath = "/submission";

    /// <summary>The label every sandbox container and network carries, to find (and remove) leftovers.</summary>
    public const string Label = "socket-exercises.sandbox";

    /// <summary>Memory, swap included: a server of the kit needs a few MiB, the .NET runtime some tens.</summary>
    public long MemoryBytes { get; init; } = 256L * 1024 * 1024;

    public double Cpus { get; init; } = 1;

    /// <summary>Processes and threads together: enough for a runtime's threads, too few for a fork bomb.</summary>
    public long MaxProcesses { get; init; } = 256;

    /// <summary>The writable scratch space at /tmp; everything else is read-only.</summary>
    public long TmpBytes { get; init; } = 16L * 1024 * 1024;
}
