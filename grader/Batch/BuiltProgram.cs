namespace SocketExercises.Grader.Batch;

/// <summary>The languages a submission's program may be written in.</summary>
public enum ProgramLanguage
{
    /// <summary>A C# project of the kit, built with dotnet build.</summary>
    CSharp,

    /// <summary>A Python script in the program's folder, in place of its project (the course's own language).</summary>
    Python,
}

/// <summary>A program of a submission, ready to run: the folder that holds it and the file to run there.</summary>
/// <param name="Folder">The built output of a C# program, or the folder of a Python script.</param>
/// <param name="File">The file that runs it, relative to <paramref name="Folder"/>: <c>Server.dll</c>, <c>server.py</c>.</param>
public sealed record BuiltProgram(string Folder, string File, ProgramLanguage Language)
{
    /// <summary>The program's folder in the submission, whose code the grading's security review reads.</summary>
    public string? Source { get; init; }

    /// <summary>The command that runs it, with its folder at <paramref name="root"/> (here, or in a container).</summary>
    public string Command(string root) =>
        $"{(Language == ProgramLanguage.CSharp ? "dotnet" : "python3")} \"{Path.Combine(root, File).Replace('\\', '/')}\"";
}
