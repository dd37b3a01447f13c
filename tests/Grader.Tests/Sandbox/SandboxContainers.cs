using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using SocketExercises.Grader.Sandbox;

namespace SocketExercises.Grader.Tests.Sandbox;

/// <summary>The sandbox's containers and networks that exist on the engine, asked of the engine itself.</summary>
internal static class SandboxContainers
{
    public static async Task<IList<ContainerListResponse>> ListAsync()
    {
        using var client = Client();
        return await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Labelled() });
    }

    public static async Task<IList<NetworkResponse>> NetworksAsync()
    {
        using var client = Client();
        return await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = Labelled() });
    }

    private static Dictionary<string, IDictionary<string, bool>> Labelled() =>
        new() { ["label"] = new Dictionary<string, bool> { [SandboxOptions.Label] = true } };

    public static DockerClient Client() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
}
