using System.Text.Json;
using SocketExercises.Grader.Cli;
using SocketExercises.Grader.Exercises;

namespace SocketExercises.Grader.Tests.Extending;

/// <summary>
/// A new exercise is one folder and one entry in the list of exercises: given an exercise defined here, in
/// the tests, the grader's command line grades a program for it, and <c>grade-all</c> grades a class with it,
/// without a line of the grader changed.
/// </summary>
public sealed class ExtendingTests : IDisposable
{
    private static readonly IReadOnlyList<Exercise> Exercises = [.. KitExercises.All, new HelloServerExercise()];

    private readonly string _folder = Directory.CreateTempSubdirectory("socket-extending-").FullName;

    [Theory]
    [InlineData("HELLO", 0, "passed")]
    [InlineData("HI", 1, "failed")]
    public async Task The_check_command_grades_a_program_of_an_added_exercise(string greeting, int exitCode, string status)
    {
        // Given a server that greets with HELLO (or, wrongly, with HI)
        string server = WriteServer(_folder, greeting);
        string json = Path.Combine(_folder, "report.json");

        // When the command line that knows the added exercise grades it
        int exit = await GraderCommandLine.Build(exercises: Exercises)
            .Parse(["check", "hello-server", "--start", $"python3 '{server}'", "--json", json, "--lang", "en"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then the exercise's own check judged it, with the title and points the exercise gave it
        Assert.Equal(exitCode, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal("hello-server", report.RootElement.GetProperty("exercise").GetString());
        var check = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("hello.says-hello", check.GetProperty("id").GetString());
        Assert.Equal("greets a new client with HELLO", check.GetProperty("title").GetString());
        Assert.Equal(status, check.GetProperty("status").GetString());
        Assert.Equal(3, check.GetProperty("maxScore").GetInt32());
    }

    [Fact]
    public async Task Grade_all_grades_a_class_with_an_added_exercise()
    {
        // Given a class whose one student wrote only the added exercise's program, in Python
        string classFolder = Path.Combine(_folder, "class");
        WriteServer(Path.Combine(classFolder, "dora", "exercises", "99-hello", "HelloServer"), "HELLO");
        string output = Path.Combine(_folder, "grades");

        // When grade-all grades the class with the added exercise in its list
        int exit = await GraderCommandLine.Build(exercises: Exercises)
            .Parse(["grade-all", classFolder, "--out", output, "--lang", "en"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then the added exercise has its column, with the points its program earned; the kit's programs she
        // did not write are named as missing
        Assert.Equal(0, exit);
        var rows = (await File.ReadAllTextAsync(Path.Combine(output, "grades.csv"), TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = rows[0].Split(',');
        var dora = rows[1].Split(',');
        Assert.Equal("3", dora[Array.IndexOf(header, "hello.says-hello")]);
        Assert.Equal(["dora", "3"], dora[..2]);
        Assert.Contains("exercises/01-echo/EchoServer", rows[1]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A greeting server as the course writes them, listening where the grader says.
    private static string WriteServer(string folder, string greeting)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "server.py");
        File.WriteAllText(path, $$"""
            import os, socket
            with socket.create_server((os.environ.get("SOCKET_HOST", "127.0.0.1"), int(os.environ["SOCKET_PORT"]))) as s:
                while True:
                    conn, _ = s.accept()
                    with conn:
                        conn.sendall(b"{{greeting}}\n")
            """);
        return path;
    }
}
