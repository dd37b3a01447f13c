using SocketExercises.Grader.Tests.Batch;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Sandbox;

/// <summary>
/// <c>grade-all --sandbox docker</c> as a teacher runs it: the same grades as without the sandbox. The student's
/// programs are the reference solutions (but a Python echo server), so this is also the test that each of them,
/// the chat client typed to through its container's pipe included, passes everything in its container.
/// </summary>
[Collection(OneEngine.Name)]
public sealed class SandboxedGradeAllTests
{
    [DockerFact]
    public async Task Grades_a_class_with_csharp_and_python_programs_as_it_does_without_the_sandbox()
    {
        // Given a student whose echo server is written in Python, the course's language, and the rest in C#
        using var folder = new ClassFolder();
        string exercises = folder.AddStudent("dora", "solutions");
        string echoServer = Path.Combine(exercises, "01-echo", "EchoServer");
        Directory.Delete(echoServer, recursive: true);
        Directory.CreateDirectory(echoServer);
        File.Copy(Path.Combine(KitPrograms.PythonPrograms, "echo_server.py"), Path.Combine(echoServer, "server.py"));

        // When the class is graded with the same seed, on this machine and in containers
        string plain = await GradeAsync(folder, "plain", "");
        string sandboxed = await GradeAsync(folder, "sandboxed", "--sandbox docker");

        // Then every check has the same outcome and points, and no container is left
        Assert.True(plain.Split("\r\n")[1].StartsWith("dora,121,121,", StringComparison.Ordinal), "Not full marks: " + NotFull(plain));
        Assert.True(plain == sandboxed, "Graded differently in the sandbox: " + Differences(plain, sandboxed));
        Assert.Empty(await SandboxContainers.ListAsync());
        Assert.Empty(await SandboxContainers.NetworksAsync());
    }

    // Each check column that did not earn its points.
    private static string NotFull(string grades)
    {
        string[] header = grades.Split("\r\n")[0].Split(',');
        string[] row = grades.Split("\r\n")[1].Split(',');
        return string.Join("; ", header.Select((name, i) => (name, Value: row.ElementAtOrDefault(i))).Where(c => c.name.Contains('.') && c.Value == "0").Select(c => c.name))
            + "\n" + grades;
    }

    // Each column whose value differs, by name, with its value on this machine and in the sandbox.
    private static string Differences(string plain, string sandboxed)
    {
        string[] header = plain.Split("\r\n")[0].Split(',');
        string[] here = plain.Split("\r\n")[1].Split(',');
        string[] there = sandboxed.Split("\r\n")[1].Split(',');
        return string.Join("; ", header.Select((name, i) => (name, Here: here.ElementAtOrDefault(i), There: there.ElementAtOrDefault(i)))
            .Where(c => c.Here != c.There)
            .Select(c => $"{c.name} {c.Here} here, {c.There} in the sandbox"));
    }

    private static async Task<string> GradeAsync(ClassFolder folder, string name, string options)
    {
        string grades = Path.Combine(Path.GetTempPath(), $"socket-grades-{name}-{Guid.NewGuid():N}");
        try
        {
            var run = await Executed.RunAsync(
                KitPrograms.Grader($"grade-all \"{folder.Path}\" --out \"{grades}\" --lang en --seed 7 {options}"), TimeSpan.FromMinutes(6));
            Assert.True(run.ExitCode == 0, run.Output + run.Errors);
            return await File.ReadAllTextAsync(Path.Combine(grades, "grades.csv"));
        }
        finally
        {
            if (Directory.Exists(grades))
            {
                Directory.Delete(grades, recursive: true);
            }
        }
    }
}
