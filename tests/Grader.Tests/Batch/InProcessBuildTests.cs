using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Building;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary>
/// A batch compiles a program whose build is the kit's in its own process, and leaves any other to
/// <c>dotnet build</c>: the two must agree on every program, what builds and what does not, and why.
/// </summary>
public sealed class InProcessBuildTests : IDisposable
{
    private readonly ClassFolder _class = new();
    private readonly string _work = Directory.CreateTempSubdirectory("socket-build-").FullName;
    private static readonly KitBuild Kit = KitBuild.Find(KitPrograms.RepositoryRoot)!;

    [Fact]
    public async Task A_finished_submission_and_one_with_compiler_errors_build_in_process_as_dotnet_build_builds_them()
    {
        // Given a student who finished, and one whose echo server misses a semicolon and whose chat client has a call
        // to a method that is not there before each await (some of them inside parentheses: a syntax error comes first)
        string finished = Path.GetDirectoryName(_class.AddStudent("finished", "solutions"))!;
        string broken = Path.GetDirectoryName(_class.AddStudent("broken", "solutions"))!;
        Edit(broken, "01-echo/EchoServer/Program.cs", "using System.Net;", "using System.Net");
        Edit(broken, "03-chat/ChatClient/Program.cs", "await ", "await NoSuchMethod(); await ");

        foreach (string submission in (string[])[finished, broken])
        {
            // When each is built in the grader's process and by dotnet build
            var inProcess = await new SubmissionBuilder(Kit).BuildAsync(submission, KitExercises.All, Path.Combine(_work, "in-process", Path.GetFileName(submission)), TestContext.Current.CancellationToken);
            var dotnetBuild = await new SubmissionBuilder(kit: null).BuildAsync(submission, KitExercises.All, Path.Combine(_work, "dotnet-build", Path.GetFileName(submission)), TestContext.Current.CancellationToken);

            // Then the same programs build, and those that don't say the same first error
            for (int i = 0; i < KitExercises.All.Count; i++)
            {
                Assert.Equal(dotnetBuild[i].Program is null, inProcess[i].Program is null);
                Assert.Equal(dotnetBuild[i].Problem, inProcess[i].Problem);
                if (inProcess[i].Program is { } program)
                {
                    Assert.Contains("compiled", program.Folder);
                    Assert.True(File.Exists(Path.Combine(program.Folder, "Exercises.Common.dll")));
                }
            }
        }
        var brokenBuild = await new SubmissionBuilder(Kit).BuildAsync(broken, KitExercises.All, Path.Combine(_work, "again"), TestContext.Current.CancellationToken);
        Assert.Contains("error CS1002", brokenBuild[0].Problem);
        Assert.Contains("error CS", brokenBuild.Single(b => b.Problem?.Contains("ChatClient does not build", StringComparison.Ordinal) == true).Problem);
    }

    [Fact]
    public async Task A_program_whose_build_is_not_the_kits_is_built_by_dotnet_build()
    {
        // Given a finished student who made warnings errors in their echo client's project file, and whose echo client has a warning
        string student = Path.GetDirectoryName(_class.AddStudent("strict", "solutions"))!;
        Edit(student, "01-echo/EchoClient/EchoClient.csproj", "<OutputType>Exe</OutputType>", "<OutputType>Exe</OutputType><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        Edit(student, "01-echo/EchoClient/Program.cs", "using System.Net.Sockets;", "using System.Net.Sockets;\n#warning left for later");

        // When it is built
        var built = await new SubmissionBuilder(Kit).BuildAsync(
            student, [KitExercises.Named("echo-server"), KitExercises.Named("echo-client")], _work, TestContext.Current.CancellationToken);

        // Then its echo server, the kit's, was compiled here; its echo client by dotnet build, which refused it, as the project asks
        Assert.Contains("compiled", built[0].Program!.Folder);
        Assert.Null(built[1].Program);
        Assert.Contains("CS1030", built[1].Problem);
    }

    [Fact]
    public void A_submission_whose_common_or_build_settings_differ_from_the_kits_is_not_the_kits_build()
    {
        string common = Path.GetDirectoryName(_class.AddStudent("common", "exercises"))!;
        File.AppendAllText(Path.Combine(common, "exercises", "Common", "Todo.cs"), "\n// changed\n");
        string props = Path.GetDirectoryName(_class.AddStudent("props", "exercises"))!;
        File.WriteAllText(Path.Combine(props, "exercises", "01-echo", "Directory.Build.props"), "<Project />");
        string untouched = Path.GetDirectoryName(_class.AddStudent("untouched", "exercises"))!;

        Assert.False(Kit.SameSurroundings(common));
        Assert.True(Kit.SameSurroundings(props));
        Assert.False(Kit.SameProject(props, "exercises/01-echo/EchoServer"));
        Assert.True(Kit.SameProject(props, "exercises/02-auth/AuthServer"));
        Assert.True(Kit.SameSurroundings(untouched));
        Assert.True(Kit.SameProject(untouched, "exercises/01-echo/EchoServer"));
    }

    [Fact]
    public void A_copy_graded_by_its_own_grader_is_held_to_the_kit_as_shipped_not_to_itself()
    {
        // Given a student's own copy of the kit, with its grader in it, whose echo server's project file and top build settings they changed
        string own = Path.GetDirectoryName(_class.AddStudent("own", "solutions"))!;
        Directory.CreateDirectory(Path.Combine(own, "grader"));
        File.Copy(Path.Combine(KitPrograms.RepositoryRoot, "grader", "Grader.csproj"), Path.Combine(own, "grader", "Grader.csproj"));
        var kit = KitBuild.Find(own)!;
        Assert.True(kit.SameSurroundings(own));
        Edit(own, "01-echo/EchoServer/EchoServer.csproj", "<OutputType>Exe</OutputType>", "<OutputType>Exe</OutputType><Nullable>disable</Nullable>");
        File.AppendAllText(Path.Combine(own, "Directory.Build.props"), "<!-- changed -->");

        // Then neither is the kit's build, although the copy is the kit the grader was found in
        Assert.False(kit.SameProject(own, "exercises/01-echo/EchoServer"));
        Assert.True(kit.SameProject(own, "exercises/01-echo/EchoClient"));
        Assert.False(kit.SameSurroundings(own));
    }

    [Fact]
    public void The_fingerprints_of_the_kits_build_files_are_those_of_this_repository()
    {
        // A kit maintainer who changes one of these files updates grader/Building/KitFingerprints.cs with what this prints
        string Of(string relative) => KitFingerprints.Of(Path.Combine(KitPrograms.RepositoryRoot, relative));
        foreach (var (file, shipped) in KitFingerprints.Surroundings)
        {
            Assert.True(shipped == Of(file), $"{file} changed: its fingerprint is now {Of(file)}");
        }
        Assert.True(KitFingerprints.AnalyzerProps == Of("analyzer/Analyzer.props"), $"analyzer/Analyzer.props changed: {Of("analyzer/Analyzer.props")}");
        foreach (var exercise in KitExercises.All)
        {
            string project = $"exercises/{exercise.Project}/{exercise.Name}.csproj";
            Assert.True(KitFingerprints.ProgramProject == Of(project), $"{project} changed: its fingerprint is now {Of(project)}");
        }
    }

    public void Dispose()
    {
        _class.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static void Edit(string student, string file, string from, string to)
    {
        string path = Path.Combine(student, "exercises", file);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
