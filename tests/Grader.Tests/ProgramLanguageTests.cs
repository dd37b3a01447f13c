using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Tests;

/// <summary>Which language a fix is written for, read from the command that runs the program.</summary>
public sealed class ProgramLanguageTests
{
    [Theory]
    [InlineData("python3 server.py")]
    [InlineData("/usr/bin/python3 -u \"my server.py\"")]
    [InlineData("python echo_client.py --port {port}")]
    [InlineData("./server.py")]
    public void A_Python_interpreter_or_a_py_file_is_Python(string command) =>
        Assert.Equal(ProgramLanguage.Python, ProgramLanguages.Of(new ShellCommand(command)));

    [Theory]
    [InlineData("dotnet run --project exercises/01-echo/EchoServer")]
    [InlineData("dotnet exercises/python-like/bin/Server.dll")]
    [InlineData("./EchoServer --port {port}")]
    public void Anything_else_is_taken_for_CSharp(string command) =>
        Assert.Equal(ProgramLanguage.CSharp, ProgramLanguages.Of(new ShellCommand(command)));

    [Fact]
    public void A_server_the_grader_only_connects_to_is_taken_for_CSharp() =>
        Assert.Equal(ProgramLanguage.CSharp, ProgramLanguages.Of(null));
}
