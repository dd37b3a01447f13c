using System.Globalization;
using System.Net;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using Microsoft.Extensions.Logging.Abstractions;
using SocketExercises.Common;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// Runs each server in its own container (<c>--sandbox docker</c>): the submission's folder read-only, a
/// read-only file system besides a small /tmp, limited memory, CPU and processes, no privileges, and one
/// network, internal to the engine, on which the grader reaches it and through which it reaches nothing
/// else. Every container and the network are removed when the grading ends, however it ends.
/// </summary>
public sealed class ContainerServerHost(SandboxOptions options) : IServerHost, IAsyncDisposable
{
    // Inside its container the server has its network to itself: it listens on every address there.
    private const string ContainerHost = "0.0.0.0";

    private readonly SemaphoreSlim _networkLock = new(1, 1);

    static ContainerServerHost()
    {
        // Before Testcontainers reads its settings, which include the API version.
        DockerApiVersion.AdoptTheEngines();
        // Testcontainers' reaper is a container pulled from a registry, which many graders' machines cannot
        // reach; the sandbox removes its containers and network itself, however grading ends.
        TestcontainersSettings.ResourceReaperEnabled = false;
    }
    private INetwork? _network;

    public bool SharesPorts => false;

    public string? Note => string.Format(
        CultureInfo.InvariantCulture, Strings.SandboxNote, options.Image, options.MemoryBytes / (1024 * 1024), options.Cpus, options.MaxProcesses);

    public SandboxOptions Options => options;

    public async Task<IServerProcess> RunAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken)
    {
        var network = await NetworkAsync(cancellationToken);
        List<ProgramSetting> all =
        [
            new("host", EndpointOptions.HostVariable, ContainerHost),
            new("port", EndpointOptions.PortVariable, endpoint.Port.ToString(CultureInfo.InvariantCulture)),
            .. settings,
        ];
        var output = new ContainerOutput();
        var container = new ContainerBuilder(options.Image)
            .WithLogger(NullLogger.Instance) // the report says what matters; the engine's chatter would bury it
            .WithImagePullPolicy(PullPolicy.Missing)
            .WithLabel(SandboxOptions.Label, "server")
            .WithNetwork(network)
            .WithBindMount(Path.GetFullPath(options.Folder), SandboxOptions.SubmissionPath, AccessMode.ReadOnly)
            .WithWorkingDirectory(SandboxOptions.SubmissionPath)
            .WithEntrypoint("/bin/sh", "-c")
            .WithCommand(command.WithSettings(all))
            .WithEnvironment(all.ToDictionary(s => s.Variable, s => s.Value))
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
            })
            .Build();
        try
        {
            await container.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Created but not started, or interrupted while starting: it is removed all the same.
            await container.DisposeAsync();
            if (e is OperationCanceledException)
            {
                throw;
            }
            throw new ServerStartException(string.Format(Strings.SandboxCouldNotStart, options.Image, e.Message));
        }
        try
        {
            return new ContainerServerProcess(container, endpoint.Port, output, options);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DeleteAsync();
        }
        _networkLock.Dispose();
    }

    // One network for the whole grading, made when the first container needs it. "Internal": the engine
    // routes nothing from it to any other network, the internet included.
    private async Task<INetwork> NetworkAsync(CancellationToken cancellationToken)
    {
        await _networkLock.WaitAsync(cancellationToken);
        try
        {
            if (_network is null)
            {
                try
                {
                    var network = new NetworkBuilder()
                        .WithLogger(NullLogger.Instance)
                        .WithName("socket-exercises-" + Guid.NewGuid().ToString("N")[..12])
                        .WithLabel(SandboxOptions.Label, "network")
                        .WithCreateParameterModifier(create => create.Internal = true)
                        .Build();
                    await network.CreateAsync(cancellationToken);
                    _network = network;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The first thing the sandbox asks of the engine: if it fails, nothing can be graded this way.
                    string why = e.Message.Split('\n', 2)[0].Trim();
                    throw new ExerciseException(string.Format(Strings.SandboxNoEngine, why), ExitCodes.Usage);
                }
            }
            return _network;
        }
        finally
        {
            _networkLock.Release();
        }
    }
}
