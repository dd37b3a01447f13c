using System.Xml.Linq;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Recipes;

/// <summary>
/// The pull-request workflow names every exercise of the list, with its program, and grades with the target
/// branch's kit whatever the pull request changes; the student's solution for an IDE holds every program.
/// </summary>
public sealed class RecipesTests
{
    public static TheoryData<string> Exercises { get; } = [.. KitExercises.All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_pull_request_workflow_builds_and_grades_every_exercise(string key)
    {
        var exercise = KitExercises.Named(key);
        string workflow = File.ReadAllText(Path.Combine(KitPrograms.RepositoryRoot, ".github", "workflows", "grade.yml"));

        Assert.Contains($"check {exercise.Key} ", workflow);
        Assert.Contains($"exercises/{exercise.Project}", workflow);
        Assert.Contains($"reports/{exercise.Key}.json", workflow);
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_students_solution_holds_every_program_and_its_tests_and_no_reference_solution(string key)
    {
        var exercise = KitExercises.Named(key);
        var projects = XDocument.Load(Path.Combine(KitPrograms.RepositoryRoot, "exercises", "Exercises.slnx"))
            .Descendants("Project").Select(p => (string)p.Attribute("Path")!).ToList();

        Assert.Contains($"{exercise.Project}/{exercise.Name}.csproj", projects);
        Assert.Contains("../tests/Submission.Tests/Submission.Tests.csproj", projects);
        Assert.DoesNotContain(projects, p => p.Contains("solutions", StringComparison.Ordinal));
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(KitPrograms.RepositoryRoot, "exercises", p)), p));
    }

    [Fact]
    public async Task A_pull_request_that_edits_the_grader_is_graded_with_the_kits_own_and_says_so()
    {
        // Given the kit, and a student's copy that changed its echo server, gave itself every point, added a file
        // and deleted its chat client
        using var folder = new TemporaryFolder();
        string kit = folder.Write("kit", new()
        {
            ["exercises/01-echo/EchoServer/Program.cs"] = "// the starter",
            ["exercises/03-chat/ChatClient/Program.cs"] = "// the starter",
            ["exercises/Common/ExerciseHost.cs"] = "// the kit's",
            ["grader/Exercises/Echo/Server/echo-server.points.json"] = "{ \"echo.accepts-connection\": 1 }",
        });
        string student = folder.Write("student", new()
        {
            ["exercises/01-echo/EchoServer/Program.cs"] = "// the student's work",
            ["exercises/01-echo/EchoServer/bin/EchoServer.dll"] = "not built by the grader",
            ["exercises/Common/ExerciseHost.cs"] = "// changed by the student",
            ["grader/Exercises/Echo/Server/echo-server.points.json"] = "{ \"echo.accepts-connection\": 100 }",
            ["notes.txt"] = "mine",
        });

        // When the pull-request workflow's step takes the student's work into the kit
        var run = await Executed.RunAsync(new($"bash {Path.Combine(KitPrograms.RepositoryRoot, ".github", "scripts", "take-student-work.sh")} {student} {kit}"));

        // Then the student's programs are graded, and nothing else of theirs: the grader, its points and
        // exercises/Common are the kit's, and the output names each file changed elsewhere
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Equal("// the student's work", File.ReadAllText(Path.Combine(kit, "exercises/01-echo/EchoServer/Program.cs")));
        Assert.False(Directory.Exists(Path.Combine(kit, "exercises/01-echo/EchoServer/bin")));
        Assert.Empty(Directory.GetFiles(Path.Combine(kit, "exercises/03-chat/ChatClient")));
        Assert.Equal("// the kit's", File.ReadAllText(Path.Combine(kit, "exercises/Common/ExerciseHost.cs")));
        Assert.Contains(": 1 }", File.ReadAllText(Path.Combine(kit, "grader/Exercises/Echo/Server/echo-server.points.json")));
        Assert.Contains("grader/Exercises/Echo/Server/echo-server.points.json", run.Output);
        Assert.Contains("exercises/Common/ExerciseHost.cs", run.Output);
        Assert.Contains("notes.txt", run.Output);
        Assert.DoesNotContain("EchoServer", run.Output);
    }

    [Fact]
    public void The_pull_request_workflow_grades_in_the_target_branchs_kit()
    {
        string workflow = File.ReadAllText(Path.Combine(KitPrograms.RepositoryRoot, ".github", "workflows", "grade.yml"));

        Assert.Contains("ref: ${{ github.event.pull_request.base.sha || github.sha }}", workflow);
        Assert.Contains("working-directory: kit", workflow);
        Assert.Contains("bash .github/scripts/take-student-work.sh ../student .", workflow);
    }

    [Fact]
    public void The_kits_own_ci_does_not_run_in_a_students_copy_of_the_template()
    {
        string workflow = File.ReadAllText(Path.Combine(KitPrograms.RepositoryRoot, ".github", "workflows", "ci.yml"));

        Assert.Contains("if: github.event.repository.is_template || vars.SOCKET_EXERCISES_KIT_CI == 'true'", workflow);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("socket-recipe-").FullName;

        /// <summary>A folder named <paramref name="name"/> holding <paramref name="files"/> (relative path, text).</summary>
        public string Write(string name, Dictionary<string, string> files)
        {
            string root = Path.Combine(_path, name);
            foreach (var (relative, text) in files)
            {
                string file = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }
            return root;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
