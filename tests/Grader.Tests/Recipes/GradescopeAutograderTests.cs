using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Microsoft.Extensions.Logging.Abstractions;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Tests.Batch;
using SocketExercises.Grader.Tests.Sandbox;
using SocketExercises.Grader.Tests.Schemas;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Recipes;

/// <summary>
/// The zip a teacher uploads to Gradescope, run as Gradescope runs it: its run_autograder, in a container laid
/// out like Gradescope's (/autograder/source, /autograder/submission, /autograder/results) with no network, on
/// a finished, an unfinished and a non-compiling submission, each uploaded the way students upload. What
/// setup.sh would install comes from this machine: its .NET SDK, its NuGet packages, the grader as built here.
/// </summary>
[Collection(OneEngine.Name)]
public sealed class GradescopeAutograderTests
{
    private static readonly int AllPoints = KitExercises.All.Sum(e => e.Checks.Sum(c => Exercise.DefaultPointsOf(KitExercises.All).For(c.Info.Id)));
    private static readonly int AllChecks = KitExercises.All.Sum(e => e.Checks.Count);

    static GradescopeAutograderTests()
    {
        // As the sandbox does before it makes containers: this engine's API version, and no reaper (it is pulled from a registry).
        DockerApiVersion.AdoptTheEngines();
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    [DockerFact]
    public async Task Run_autograder_writes_one_valid_results_json_for_a_finished_an_unfinished_and_a_broken_submission()
    {
        StarterSkip.UnlessPristine(); // its unfinished submission is the kit's starters
        // Given the autograder zip, unpacked where Gradescope puts it
        using var work = new ClassFolder();
        string zip = Path.Combine(work.Path, "autograder.zip");
        var made = await Executed.RunAsync(new($"bash \"{Path.Combine(KitPrograms.RepositoryRoot, "gradescope", "make-zip.sh")}\" --out \"{zip}\" --lang en"));
        Assert.True(made.ExitCode == 0, made.Output + made.Errors);
        string source = Path.Combine(work.Path, "source");
        ZipFile.ExtractToDirectory(zip, source);
        using (var archive = ZipFile.OpenRead(zip))
        {
            // Gradescope runs them as programs: the zip keeps their executable bit (the mode is in the upper 16 bits).
            Assert.All(["run_autograder", "setup.sh"], name => Assert.NotEqual(0, (archive.GetEntry(name)!.ExternalAttributes >> 16) & 0b001_000_000));
        }
        Directory.CreateDirectory(Path.Combine(source, "kit", "grader", "bin", "Debug", "net10.0")); // where the grader built here is mounted

        // and three submissions: the reference solutions as a copy of the kit; the starters as GitHub's zip of the
        // repository, one folder down; the starters with a syntax error, as the exercises/ folder's contents alone
        string finished = Path.GetDirectoryName(work.AddStudent("submissions/finished", "solutions"))!;
        work.AddStudent("submissions/unfinished/sockets-main", "exercises");
        string broken = work.AddStudent("submissions/broken-kit", "exercises");
        await File.AppendAllTextAsync(Path.Combine(broken, "01-echo", "EchoServer", "Program.cs"), "\nthis is not C#\n");
        Directory.Move(broken, Path.Combine(work.Path, "submissions", "broken"));
        Directory.Delete(Path.Combine(work.Path, "submissions", "broken-kit"), recursive: true);
        string output = Directory.CreateDirectory(Path.Combine(work.Path, "out")).FullName;

        // When Gradescope's harness runs run_autograder on each
        long exitCode = await RunAsync(source, Path.Combine(work.Path, "submissions"), output);

        // Then each gets one results.json, valid, with a test for every check of every program
        string log(string name) => File.Exists(Path.Combine(output, name + ".log")) ? File.ReadAllText(Path.Combine(output, name + ".log")) : "(no log)";
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{log("finished")}\n{log("unfinished")}\n{log("broken")}");
        var results = new Dictionary<string, JsonElement>();
        foreach (string name in (string[])["finished", "unfinished", "broken"])
        {
            string json = await File.ReadAllTextAsync(Path.Combine(output, name + ".json"));
            JsonSchemas.AssertValid(JsonSchemas.Gradescope, json);
            results[name] = JsonDocument.Parse(json).RootElement;
            Assert.True(results[name].GetProperty("tests").GetArrayLength() == AllChecks, log(name));
            Assert.Equal(AllPoints, results[name].GetProperty("tests").EnumerateArray().Sum(t => t.GetProperty("max_score").GetInt32()));
        }
        // the finished one with every point, the unfinished with the first TODO named, the broken with its build error
        Assert.True(results["finished"].GetProperty("score").GetInt32() == AllPoints, log("finished"));
        Assert.Equal(0, results["unfinished"].GetProperty("score").GetInt32());
        Assert.Contains("TODO 1", results["unfinished"].GetProperty("tests")[0].GetProperty("output").GetString());
        var echoServer = results["broken"].GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("name").GetString()!.StartsWith("echo.", StringComparison.Ordinal)).ToList();
        Assert.All(echoServer, t => Assert.Contains("Program.cs", t.GetProperty("output").GetString()));
        Assert.All(echoServer, t => Assert.Contains("does not build", t.GetProperty("output").GetString()));
        Assert.Contains("TODO 1", results["broken"].GetProperty("tests")[echoServer.Count].GetProperty("output").GetString());
    }

    [DockerFact]
    public async Task A_submission_without_exercises_gets_results_that_say_what_to_upload()
    {
        using var work = new ClassFolder();
        string zip = Path.Combine(work.Path, "autograder.zip");
        Assert.Equal(0, (await Executed.RunAsync(new($"bash \"{Path.Combine(KitPrograms.RepositoryRoot, "gradescope", "make-zip.sh")}\" --out \"{zip}\""))).ExitCode);
        string source = Path.Combine(work.Path, "source");
        ZipFile.ExtractToDirectory(zip, source);
        Directory.CreateDirectory(Path.Combine(source, "kit", "grader", "bin", "Debug", "net10.0"));
        string submissions = Directory.CreateDirectory(Path.Combine(work.Path, "submissions", "finished")).FullName;
        await File.WriteAllTextAsync(Path.Combine(submissions, "Program.cs"), "// just a file");
        string output = Directory.CreateDirectory(Path.Combine(work.Path, "out")).FullName;

        Assert.Equal(0, await RunAsync(source, Path.GetDirectoryName(submissions)!, output, ["finished"]));

        string json = await File.ReadAllTextAsync(Path.Combine(output, "finished.json"));
        JsonSchemas.AssertValid(JsonSchemas.Gradescope, json);
        Assert.Contains("no exercises/ folder", json);
    }

    // One container for all of them, as each grading in it starts from a fresh /autograder/submission and results.
    private static async Task<long> RunAsync(string source, string submissions, string output, string[]? names = null)
    {
        string script = string.Join('\n',
            "set -e",
            $"for name in {string.Join(' ', names ?? ["finished", "unfinished", "broken"])}; do",
            "  rm -rf /autograder/submission /autograder/results && mkdir -p /autograder/results",
            "  cp -r \"/submissions/$name\" /autograder/submission",
            "  /autograder/source/run_autograder >\"/out/$name.log\" 2>&1",
            "  cp /autograder/results/results.json \"/out/$name.json\"",
            "done",
            "chmod -R a+rw /out");
        await using var container = new ContainerBuilder(SandboxOptions.DotnetImage)
            .WithLogger(NullLogger.Instance)
            .WithBindMount(DotnetRoot(), "/usr/share/dotnet", AccessMode.ReadOnly)
            .WithBindMount(NuGetPackages(), "/autograder/nuget", AccessMode.ReadOnly)
            .WithBindMount(source, "/autograder/source", AccessMode.ReadOnly)
            .WithBindMount(KitPrograms.Output("grader", "socket-grader"), "/autograder/source/kit/grader/bin/Debug/net10.0", AccessMode.ReadOnly)
            .WithBindMount(submissions, "/submissions", AccessMode.ReadOnly)
            .WithBindMount(output, "/out", AccessMode.ReadWrite)
            .WithWorkingDirectory("/autograder")
            .WithEntrypoint("/bin/bash", "-c")
            .WithCommand(script)
            .WithCreateParameterModifier(create =>
            {
                create.User = "0:0";
                create.HostConfig ??= new();
                create.HostConfig.NetworkMode = "none";
            })
            .Build();
        await container.StartAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        return await container.GetExitCodeAsync(limit.Token);
    }

    // The SDK this test runs on: .../dotnet/shared/Microsoft.NETCore.App/<version>/ is three folders below its root.
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
