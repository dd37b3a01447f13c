using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Tests.Running;

/// <summary>
/// A program's own time leaves out its build: a <c>dotnet run</c> that compiles for seconds has not yet run the
/// student's code, and a server or client is held to seconds of its own code, not of the toolchain's.
/// </summary>
public sealed class OwnTimeTests
{
    [Theory]
    [InlineData("dotnet run --project exercises/01-echo/EchoServer")]
    [InlineData("dotnet build")]
    [InlineData("dotnet --roll-forward Major watch run")]
    [InlineData("/usr/share/dotnet/dotnet /usr/share/dotnet/sdk/10.0.401/MSBuild.dll /nologo /nodemode:1")]
    [InlineData("/usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc /noconfig @x.rsp")]
    [InlineData("go run server.go")]
    [InlineData("cargo run --release")]
    [InlineData("javac Server.java")]
    [InlineData("/usr/bin/gcc -O2 server.c")]
    public void Builds_are_told_by_their_command_line(string commandLine) =>
        Assert.True(BuildTools.Is(commandLine.Split(' ')));

    [Theory]
    [InlineData("/work/kit/exercises/01-echo/EchoServer/bin/Debug/net10.0/EchoServer")]
    [InlineData("dotnet exercises/01-echo/EchoServer/bin/Debug/net10.0/EchoServer.dll")]
    [InlineData("python3 server.py --port 5000")]
    [InlineData("/tmp/go-build123/b001/exe/server")]
    [InlineData("sh -c dotnet run")]
    [InlineData("java Server")]
    [InlineData("go version")]
    [InlineData("")]
    public void Programs_are_not_builds(string commandLine) =>
        Assert.False(BuildTools.Is(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Time_spent_building_is_not_the_programs_own()
    {
        // Given a program that builds for 8 s, then runs its own code
        var time = new FakeTimeProvider();
        var program = new Program { Building = true };
        var own = new OwnTime(program, time);

        // When the clock runs through the build, looked at every quarter second as the grader does
        Advance(own, time, TimeSpan.FromSeconds(8));
        program.Building = false;
        Advance(own, time, TimeSpan.FromSeconds(3));

        // Then only the 3 s after the build count (the build's end is seen at the next look, at most 250 ms late)
        var elapsed = own.Elapsed();
        Assert.InRange(elapsed, TimeSpan.FromSeconds(2.75), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Where_the_build_cannot_be_told_none_of_its_time_is_counted()
    {
        // Given a program in a container, whose processes the grader can't see
        var time = new FakeTimeProvider();
        var own = new OwnTime(new Program { Building = null }, time);

        Advance(own, time, TimeSpan.FromSeconds(12));

        // Then its waits' own timeouts are all there is
        Assert.Equal(TimeSpan.Zero, own.Elapsed());
    }

    [Fact]
    public async Task A_real_build_tool_is_building_until_it_has_started_what_it_built()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Processes are read from /proc.");

        // Given a process named as a build tool ("make") that works alone for a second or more (bash counts whole
        // seconds), then starts its program
        var mark = new ProcessMark();
        await using var building = RunningProcess.Start(
            new ProcessStartInfo("bash", ["-c", "exec -a make bash -c 'while ((SECONDS < 2)); do :; done; sleep 30 & wait'"]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true },
            mark: mark);

        // Then it is building once it runs as "make" (setsid and the first shell exec it first), and not once its
        // child (the program) runs
        Assert.True(await SeenAsync(() => mark.Building()), "never seen building");
        Assert.True(await SeenAsync(() => !mark.Building()), "still building after its program started");
        Assert.Equal(2, mark.Alive().Count);
    }

    // Whether the condition held at some look within 10 s.
    private static async Task<bool> SeenAsync(Func<bool> condition)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            if (started.Elapsed > TimeSpan.FromSeconds(10))
            {
                return false;
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return true;
    }

    private static void Advance(OwnTime own, FakeTimeProvider time, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromMilliseconds(250))
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            own.Elapsed();
        }
    }

    private sealed class Program : IRunningProgram
    {
        public bool? Building { get; set; }

        public bool HasExited => false;

        public int ExitCode => 0;

        public string Output => "";

        public string Errors => "";

        public Task OutputChanged => Task.CompletedTask;

        public long? CpuTicks => null;

        public bool LeftProcessesRunning => false;

        public Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task Exited(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        public SecretForm? PrintedSecret(string secret) => null;

        public Task WriteInputAsync(string text, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CloseInputAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
