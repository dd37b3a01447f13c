using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary>A class's table when the grader could not judge a program: "not graded", never a zero.</summary>
public sealed class BatchTableTests
{
    [Fact]
    public void A_program_the_grader_could_not_judge_is_not_graded_rather_than_worth_zero()
    {
        // Given a student whose server could not be graded (its container did not start) and whose client passed
        var server = Report("echo-server", new CheckResult(Info("echo.accepts-connection"), CheckStatus.Error, TimeSpan.Zero, "The container could not be started.") { Points = 1 });
        var client = Report("echo-client", new CheckResult(Info("echo-client.connects"), CheckStatus.Passed, TimeSpan.Zero) { Points = 1 });
        var result = new SubmissionResult("ana", [server, client], []) { MaxScore = 2 };
        var table = new BatchTable([("echo-server", "echo.accepts-connection"), ("echo-client", "echo-client.connects")]);

        // When the teacher's table is written
        using var console = new StringWriter();
        GradedInEnglish(() => table.WriteConsole([result], console));
        var row = GradedInEnglish(() => table.Csv([result])).Split("\r\n")[1];

        // Then the server's column says it was not graded, its check's cell is empty, and the problems say why
        Assert.Contains("not graded", console.ToString().Split('\n')[1]);
        Assert.StartsWith("ana,1,2,,1,,1,", row);
        Assert.Contains("echo-server not graded: The container could not be started.", row);
    }

    [Fact]
    public void The_csv_columns_are_named_by_stable_keys_whatever_the_language_and_a_program_that_did_not_build_is_worth_zero()
    {
        // Given a student whose server did not build, and a teacher who grades in Croatian
        var result = new SubmissionResult("ana", [], [new ProgramProblem("echo-server", "exercises/01-echo/EchoServer does not build: error CS1002")]) { MaxScore = 1 };
        var table = new BatchTable([("echo-server", "echo.accepts-connection")]);

        var rows = Reports.GradedReports.InLanguage(Language.Croatian, () => table.Csv([result])).Split("\r\n");

        Assert.Equal("student,total,max,echo-server,echo.accepts-connection,problems", rows[0]);
        Assert.Equal("ana,0,1,0,0,exercises/01-echo/EchoServer does not build: error CS1002", rows[1]);
    }

    private static T GradedInEnglish<T>(Func<T> write) => Reports.GradedReports.InLanguage(Language.English, write);

    private static void GradedInEnglish(Action write) => GradedInEnglish(() =>
    {
        write();
        return 0;
    });

    private static CheckInfo Info(string id) => new(id, "§1", Strings.ResourceManager);

    private static GradeReport Report(string exercise, params CheckResult[] results) =>
        new(exercise, "here", 1, results, TimeSpan.Zero, []);
}
