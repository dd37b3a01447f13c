using System.Text.Json;
using System.Text.RegularExpressions;
using Snapshooter.Xunit;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary>
/// <c>grade-all</c> as a teacher runs it, on a class of three: one with the reference solutions, one who
/// handed in the starters, and one whose echo server does not compile. Every one of them is a row.
/// </summary>
public sealed partial class GradeAllTests : IClassFixture<GradeAllTests.GradedClass>
{
    private readonly GradedClass _class;

    public GradeAllTests(GradedClass graded) => _class = graded;

    [Fact]
    public void Grades_every_submission_and_exits_0() => Assert.Equal(0, _class.ExitCode);

    [Fact]
    public void Writes_a_row_per_student_and_a_column_per_check()
    {
        var rows = _class.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["Student", "Total", "max"], rows[0].Split(',')[..3]);
        Assert.Equal(3 + 39 + 28 + 26 + 1, rows[0].Split(',').Length);
        Assert.Equal(["ana,120,120", "bruno,0,120", "cvita,105,120"], rows[1..].Select(r => string.Join(',', r.Split(',')[..3])));
    }

    [Fact]
    public void A_submission_that_does_not_compile_is_a_row_with_the_compiler_error()
    {
        var cvita = _class.Csv.Split("\r\n").Single(r => r.StartsWith("cvita,", StringComparison.Ordinal));

        Assert.Contains("exercises/01-echo/EchoServer does not build", cvita);
        Assert.Contains("error CS1002", cvita);
    }

    [Fact]
    public void The_csv_matches_its_snapshot() => Snapshot.Match(_class.Csv);

    [Fact]
    public void The_json_has_each_check_of_each_student()
    {
        using var json = JsonDocument.Parse(_class.Json);
        var students = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(["ana", "bruno", "cvita"], students.Select(s => s.GetProperty("student").GetString()));
        Assert.Equal("passed", students[0].GetProperty("checks").GetProperty("echo.large-payload").GetProperty("status").GetString());
        Assert.Equal("failed", students[1].GetProperty("checks").GetProperty("echo.accepts-connection").GetProperty("status").GetString());
        Assert.Equal("notGraded", students[2].GetProperty("checks").GetProperty("echo.accepts-connection").GetProperty("status").GetString());
    }

    [Fact]
    public void Prints_a_table_and_shows_progress()
    {
        Assert.Matches(Row(), _class.Output);
        Assert.Matches(@"\[3/3\] cvita: building .*exercises/04-challenge/ChallengeClient", _class.Errors);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_a_usage_error()
    {
        var (exitCode, _, errors) = await RunAsync("grade-all /no/such/folder");

        Assert.Equal(2, exitCode);
        Assert.Contains("/no/such/folder does not exist", errors);
    }

    [GeneratedRegex(@"ana\s+15/15\s+6/6\s+20/20\s+8/8\s+26/26\s+12/12\s+22/22\s+11/11\s+120/120")]
    private static partial Regex Row();

    // As a process, as a teacher runs it: the batch's progress and table are its own output.
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string arguments)
    {
        var run = await Executed.RunAsync(KitPrograms.Grader(arguments), TimeSpan.FromMinutes(8));
        return (run.ExitCode, run.Output, run.Errors);
    }

    /// <summary>The class, graded once for all the tests: building twelve programs takes a while.</summary>
    public sealed class GradedClass : IAsyncLifetime, IDisposable
    {
        private readonly ClassFolder _folder = new();

        public int ExitCode { get; private set; }

        public string Output { get; private set; } = "";

        public string Errors { get; private set; } = "";

        public string Csv { get; private set; } = "";

        public string Json { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _folder.AddStudent("ana", "solutions");
            _folder.AddStudent("bruno", "exercises");
            string cvita = _folder.AddStudent("cvita", "solutions");
            string server = Path.Combine(cvita, "01-echo", "EchoServer", "Program.cs");
            await File.WriteAllTextAsync(server, (await File.ReadAllTextAsync(server)).Replace("using System.Net;", "using System.Net", StringComparison.Ordinal));

            string grades = Path.Combine(_folder.Path, ".grades");
            (ExitCode, Output, Errors) = await RunAsync($"grade-all \"{_folder.Path}\" --out \"{grades}\" --lang en");
            Csv = await File.ReadAllTextAsync(Path.Combine(grades, "grades.csv"));
            Json = await File.ReadAllTextAsync(Path.Combine(grades, "grades.json"));
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _folder.Dispose();
    }
}
