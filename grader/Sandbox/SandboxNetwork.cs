using System.Net;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using Microsoft.Extensions.Logging.Abstractions;
using SocketExercises.Common;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// The network a grading's containers share: "internal", so the engine routes nothing from it to any other
/// network, the internet included. This machine is on it at the gateway address, where the grader listens
/// when it plays the server for a client; <see cref="SandboxFirewall"/> keeps the rest of this machine out of reach.
/// </summary>
internal sealed class SandboxNetwork
{
    private readonly string _bridge;
    private readonly string _grading;

    private SandboxNetwork(INetwork network, IPAddress gateway, string bridge, string grading, bool closed)
    {
        Network = network;
        Gateway = gateway;
        _bridge = bridge;
        _grading = grading;
        Closed = closed;
    }

    public INetwork Network { get; }

    public IPAddress Gateway { get; }

    /// <summary>Whether its containers reach nothing of this machine but the grader's listeners (<see cref="SandboxFirewall"/>).</summary>
    public bool Closed { get; }

    /// <summary>Lets its containers connect to the grader's listener on <paramref name="port"/>, where the door is closed.</summary>
    public async Task AdmitAsync(int port)
    {
        if (Closed && !await SandboxFirewall.AdmitAsync(_bridge, _grading, port))
        {
            throw new GraderEnvironmentException(Strings.FormatSandboxCouldNotAdmit(port, _bridge));
        }
    }

    /// <exception cref="ExerciseException">No Docker engine answers: nothing can be graded in the sandbox.</exception>
    public static async Task<SandboxNetwork> CreateAsync(string grading, CancellationToken cancellationToken)
    {
        INetwork network;
        try
        {
            network = new NetworkBuilder()
                .WithLogger(NullLogger.Instance)
                .WithName("socket-exercises-" + Guid.NewGuid().ToString("N")[..12])
                .WithLabel(SandboxOptions.Label, "network")
                .WithLabel(SandboxLeftovers.GradingLabel, grading)
                .WithLabel(SandboxLeftovers.OwnerLabel, SandboxLeftovers.ThisOwner)
                .WithCreateParameterModifier(create => create.Internal = true)
                .Build();
            await network.CreateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first thing the sandbox asks of the engine: if it fails, nothing can be graded this way.
            string why = e.Message.Split('\n', 2)[0].Trim();
            throw new ExerciseException(Strings.FormatSandboxNoEngine(why), ExitCodes.Usage);
        }
        try
        {
            using var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
            var inspected = await engine.Networks.InspectNetworkAsync(network.Name, cancellationToken);
            var gateway = inspected.IPAM.Config.Select(c => IPAddress.TryParse(c.Gateway, out var address) ? address : null).First(a => a is not null)!;
            // The engine names a network's bridge after the first 12 characters of its id, unless told otherwise.
            string bridge = inspected.Options is { } options && options.TryGetValue("com.docker.network.bridge.name", out var named) ? named : "br-" + inspected.ID[..12];
            return new SandboxNetwork(network, gateway, bridge, grading, await SandboxFirewall.CloseAsync(bridge, grading));
        }
        catch
        {
            await network.DeleteAsync(CancellationToken.None);
            throw;
        }
    }
}
