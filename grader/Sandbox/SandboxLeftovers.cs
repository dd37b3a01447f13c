using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// Removes whatever one grading left on the engine, found by the label its containers and network carry.
/// Disposing each container is not enough: one interrupted while it was being created exists on the
/// engine before Testcontainers learns its id, and a network cannot go while a container is still on it.
/// </summary>
internal static class SandboxLeftovers
{
    /// <summary>The label that ties a container or network to the one grading that made it.</summary>
    public const string GradingLabel = "socket-exercises.grading";

    public static async Task RemoveAsync(string grading)
    {
        using var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        var ofThisGrading = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{GradingLabel}={grading}"] = true },
        };
        // Containers first: the network is in use while any of them is on it.
        foreach (var container in await engine.Containers.ListContainersAsync(new() { All = true, Filters = ofThisGrading }))
        {
            try
            {
                await engine.Containers.RemoveContainerAsync(container.ID, new() { Force = true });
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile by its own disposal.
            }
        }
        foreach (var network in await engine.Networks.ListNetworksAsync(new() { Filters = ofThisGrading }))
        {
            try
            {
                await engine.Networks.DeleteNetworkAsync(network.ID);
            }
            catch (DockerNetworkNotFoundException)
            {
            }
        }
    }
}
