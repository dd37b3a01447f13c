using System.Text.Json;
using System.Text.RegularExpressions;
using Snapshooter.Xunit3;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary>
/// <c>grade-all</c> as a teacher runs it, on a class of three: one with the reference solutions in a git repository,
/// one who handed in the starters, and one whose echo server does not compile, graded as of a deadline. Every one
/// of them is a row, and gets a report of their own.
/// </summary>
public sealed partial class GradeAllTests : IClassFixture<GradeAllTests.GradedClass>
{
    private readonly GradedClass _class;

    public GradeAllTests(GradedClass graded) => _class = graded;

    [StarterFact]
    public void Grades_every_submission_and_exits_0() => Assert.Equal(0, _class.ExitCode);

    [StarterFact]
    public void Writes_a_row_per_student_and_a_column_per_check()
    {
        var rows = _class.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The stable keys and check ids, whatever the language: a subtotal per program, then a column per check
        Assert.Equal(["student", "total", "max", "echo-server", "echo-client"], rows[0].Split(',')[..5]);
        Assert.Equal(["problems", "commit"], rows[0].Split(',')[^2..]);
        Assert.Equal(3 + 8 + 94 + 2, rows[0].Split(',').Length);
        Assert.Equal(["ana,121,121,15,6", "bruno,0,121,0,0", "cvita,106,121,0,6"], rows[1..].Select(r => string.Join(',', r.Split(',')[..5])));
    }

    [StarterFact]
    public void A_git_repository_is_graded_as_of_its_last_commit_before_the_deadline_and_others_say_they_were_not()
    {
        var rows = _class.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(_class.AnasCommit, rows[1].Split(',')[^1]);
        Assert.Contains("not a git repository: graded as it is now, not as of 2026-12-01T23:59:00+01:00", rows[2]);
    }

    [StarterFact]
    public void Each_student_gets_a_report_to_send_back()
    {
        Assert.StartsWith("# ana: 121/121", _class.StudentReports["ana"]);
        Assert.Contains($"Graded as of commit {_class.AnasCommit}", _class.StudentReports["ana"]);
        Assert.Contains("| echo-server | 0/15: exercises/01-echo/EchoServer does not build:", _class.StudentReports["cvita"]);
        Assert.Contains("<b>echo.accepts-connection</b>", _class.StudentReports["bruno"]);
        Assert.Contains("TODO 1", _class.StudentReports["bruno"]);
        // Written as each student is graded, with what the checks saw, which the class's table then drops
        Assert.Contains("started the client", _class.StudentReports["bruno"]);
    }

    [StarterFact]
    public void A_submission_that_does_not_compile_is_a_row_with_the_compiler_error()
    {
        var cvita = _class.Csv.Split("\r\n").Single(r => r.StartsWith("cvita,", StringComparison.Ordinal));

        Assert.Contains("exercises/01-echo/EchoServer does not build", cvita);
        Assert.Contains("error CS1002", cvita);
        Assert.Equal("0", cvita.Split(',')[3 + 8]); // its echo server's first check: a zero, not an empty cell
    }

    [StarterFact]
    public void The_csv_matches_its_snapshot() =>
        Snapshot.Match(Port().Replace(_class.Csv.Replace(_class.AnasCommit, "<commit>", StringComparison.Ordinal), "$1<port>"));

    [StarterFact]
    public void The_json_has_each_check_of_each_student()
    {
        using var json = JsonDocument.Parse(_class.Json);
        var students = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(["ana", "bruno", "cvita"], students.Select(s => s.GetProperty("student").GetString()));
        Assert.Equal("passed", students[0].GetProperty("checks").GetProperty("echo.large-payload").GetProperty("status").GetString());
        Assert.Equal("failed", students[1].GetProperty("checks").GetProperty("echo.accepts-connection").GetProperty("status").GetString());
        Assert.Equal("notGraded", students[2].GetProperty("checks").GetProperty("echo.accepts-connection").GetProperty("status").GetString());
    }

    [StarterFact]
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

    // A starter's first failure names the port it was given or connected to, a free one, so different every run.
    [GeneratedRegex(@"(port |127\.0\.0\.1:)\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"ana\s+15/15\s+6/6\s+21/21\s+8/8\s+26/26\s+12/12\s+22/22\s+11/11\s+121/121")]
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

        public Dictionary<string, string> StudentReports { get; } = [];

        public string AnasCommit { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            string ana = Path.GetDirectoryName(_folder.AddStudent("ana", "solutions"))!;
            var committed = await Executed.RunAsync(new($"cd \"{ana}\" && git init -q && git add -A && "
                + "GIT_AUTHOR_DATE='2026-11-30T12:00:00+01:00' GIT_COMMITTER_DATE='2026-11-30T12:00:00+01:00' git -c user.name=ana -c user.email=ana@example.com commit -qm work && git rev-parse --short=12 HEAD"));
            AnasCommit = committed.Output.Trim();
            _folder.AddStudent("bruno", "exercises");
            string cvita = _folder.AddStudent("cvita", "solutions");
            string server = Path.Combine(cvita, "01-echo", "EchoServer", "Program.cs");
            await File.WriteAllTextAsync(server, (await File.ReadAllTextAsync(server)).Replace("using System.Net;", "using System.Net", StringComparison.Ordinal));

            string grades = Path.Combine(_folder.Path, ".grades");
            (ExitCode, Output, Errors) = await RunAsync($"grade-all \"{_folder.Path}\" --out \"{grades}\" --lang en --before 2026-12-01T23:59+01:00");
            Csv = await File.ReadAllTextAsync(Path.Combine(grades, "grades.csv"));
            Json = await File.ReadAllTextAsync(Path.Combine(grades, "grades.json"));
            foreach (string student in (string[])["ana", "bruno", "cvita"])
            {
                StudentReports[student] = await File.ReadAllTextAsync(Path.Combine(grades, student + ".md"));
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose() => _folder.Dispose();
    }
}
