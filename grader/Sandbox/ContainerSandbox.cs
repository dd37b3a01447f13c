using System.Net;
using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using Microsoft.Extensions.Logging.Abstractions;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// Runs each program under test, server or client, in its own container (<c>--sandbox docker</c>): the
/// submission's folder read-only, a read-only file system besides a small /tmp, limited memory, CPU and
/// processes, no privileges, and one network, internal to the engine, through which it and the grader reach
/// each other and nothing else. Every container and the network are removed when grading ends, however it ends.
/// </summary>
public sealed class ContainerSandbox(SandboxOptions options) : IServerHost, IClientHost, IAsyncDisposable
{
    private readonly SemaphoreSlim _networkLock = new(1, 1);
    private readonly string _grading = Guid.NewGuid().ToString("N");
    private SandboxNetwork? _network;
    private int _disposed;

    static ContainerSandbox()
    {
        // Before Testcontainers reads its settings, which include the API version.
        DockerApiVersion.AdoptTheEngines();
        // Testcontainers' reaper is a container pulled from a registry, which many graders' machines cannot
        // reach; the sandbox removes its containers and network itself, however grading ends.
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    public bool SharesPorts => false;

    public string? Note => _network is { Closed: false }
        ? Strings.FormatSandboxNoteOpen(options.Image, options.MemoryBytes / (1024 * 1024), options.Cpus, options.MaxProcesses)
        : Strings.FormatSandboxNote(options.Image, options.MemoryBytes / (1024 * 1024), options.Cpus, options.MaxProcesses);

    public async Task AdmitAsync(IPEndPoint listening, CancellationToken cancellationToken) =>
        await (await NetworkAsync(cancellationToken)).AdmitAsync(listening.Port);

    public async Task<IServerProcess> RunAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken)
    {
        // Inside its container a server has its network to itself: it listens on every address there.
        var inside = new IPEndPoint(IPAddress.Any, endpoint.Port);
        var program = await StartProgramAsync(command, [.. ProgramSetting.For(inside), .. settings], cancellationToken);
        return new ContainerServerProcess(program, endpoint.Port, options);
    }

    /// <summary>The grader listens on its side of the sandbox network, the only address a client in it can reach.</summary>
    public async Task<IPEndPoint> ListenEndpointAsync(IPEndPoint requested, CancellationToken cancellationToken) =>
        new((await NetworkAsync(cancellationToken)).Gateway, requested.Port);

    public async Task<IRunningProgram> StartAsync(ShellCommand command, IReadOnlyList<ProgramSetting> settings, bool keepInput, CancellationToken cancellationToken) =>
        await StartProgramAsync(command, settings, cancellationToken, keepInput);

    public async ValueTask DisposeAsync()
    {
        // The container, and each name it is known by, may dispose it: only the first does anything.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await SandboxLeftovers.RemoveAsync(_grading);
            await SandboxFirewall.RemoveAsync(_grading);
        }
    }

    private async Task<ContainerProgram> StartProgramAsync(
        ShellCommand command, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken, bool keepInput = false)
    {
        string text = command.WithSettings(settings);
        var network = await NetworkAsync(cancellationToken);
        var output = new ContainerOutput(ProgramSetting.SecretsOf(settings));
        var container = new ContainerBuilder(options.Image)
            .WithLogger(NullLogger.Instance) // the report says what matters; the engine's chatter would bury it
            .WithImagePullPolicy(PullPolicy.Missing)
            .WithLabel(SandboxOptions.Label, "program")
            .WithLabel(SandboxLeftovers.GradingLabel, _grading)
            .WithLabel(SandboxLeftovers.OwnerLabel, SandboxLeftovers.ThisOwner)
            .WithNetwork(network.Network)
            .WithBindMount(Path.GetFullPath(options.Folder), SandboxOptions.SubmissionPath, AccessMode.ReadOnly)
            .WithWorkingDirectory(SandboxOptions.SubmissionPath)
            .WithEntrypoint("/bin/sh", "-c")
            .WithCommand(keepInput ? ContainerProgram.WithInputKept(text) : text)
            .WithEnvironment(settings.ToDictionary(s => s.Variable, s => s.Value))
            .WithOutputConsumer(output)
            .WithCreateParameterModifier(create =>
            {
                create.User = "65534:65534"; // nobody: the submission owns nothing in the container
                create.HostConfig ??= new();
                create.HostConfig.Memory = options.MemoryBytes;
                create.HostConfig.MemorySwap = options.MemoryBytes; // no swap beyond the memory limit
                create.HostConfig.NanoCPUs = (long)(options.Cpus * 1_000_000_000);
                create.HostConfig.PidsLimit = options.MaxProcesses;
                create.HostConfig.ReadonlyRootfs = true;
                create.HostConfig.Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,nosuid,size={options.TmpBytes}" };
                create.HostConfig.CapDrop = ["ALL"];
                create.HostConfig.SecurityOpt = ["no-new-privileges"];
                // The engine keeps a container's output until the container is removed: a program that prints
                // without end would fill its disk. The grader reads the output as it comes, within its own budget.
                create.HostConfig.LogConfig = new() { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "1" } };
            })
            .Build();
        try
        {
            await container.StartAsync(cancellationToken);
            return new ContainerProgram(container, output);
        }
        catch (Exception e)
        {
            // Created but not started, or interrupted while starting: it is removed all the same.
            await container.DisposeAsync();
            output.Dispose();
            if (e is OperationCanceledException)
            {
                throw;
            }
            // A container that does not start is the engine's or the image's trouble: the program never ran.
            throw new GraderEnvironmentException(Strings.FormatSandboxCouldNotStart(options.Image, e.Message));
        }
    }

    // One network for the whole grading, made when the first container needs it.
    // Before a grading makes its own: what gradings whose grader was killed outright left behind, said on the
    // error stream (the report is about the program). An engine that cannot be asked is found out next, by the network.
    private static async Task SweepAsync()
    {
        try
        {
            var (containers, networks) = await SandboxLeftovers.SweepAsync();
            int rules = await SandboxFirewall.SweepAsync();
            if (containers + networks + rules > 0)
            {
                await Console.Error.WriteLineAsync(Strings.FormatSandboxSwept(containers, networks, rules));
            }
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
        }
    }

    private async Task<SandboxNetwork> NetworkAsync(CancellationToken cancellationToken)
    {
        await _networkLock.WaitAsync(cancellationToken);
        try
        {
            if (_network is null)
            {
                await SweepAsync();
                _network = await SandboxNetwork.CreateAsync(_grading, cancellationToken);
            }
            return _network;
        }
        finally
        {
            _networkLock.Release();
        }
    }
}
