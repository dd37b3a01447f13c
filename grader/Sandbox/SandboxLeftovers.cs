using System.Diagnostics;
using System.Globalization;
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

    /// <summary>
    /// The label that names the grader process that made a container or network: this machine, its process id
    /// and the time it started (so that another process given the same id later is not taken for it).
    /// </summary>
    public const string OwnerLabel = "socket-exercises.owner";

    /// <summary>This grader process, as <see cref="OwnerLabel"/> names it.</summary>
    public static string ThisOwner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{StartOf(Environment.ProcessId)}";

    public static Task RemoveAsync(string grading) =>
        RemoveWhereAsync($"{GradingLabel}={grading}", _ => true);

    /// <summary>
    /// Removes what gradings on this machine left behind when their grader ended without cleaning up (killed
    /// outright, or the machine stopped): whatever carries the sandbox's label and an owner that is gone.
    /// </summary>
    /// <returns>How many containers and networks were removed.</returns>
    public static Task<(int Containers, int Networks)> SweepAsync() =>
        RemoveWhereAsync(SandboxOptions.Label, labels => labels.TryGetValue(OwnerLabel, out var owner) && IsGone(owner));

    private static async Task<(int Containers, int Networks)> RemoveWhereAsync(string label, Func<IDictionary<string, string>, bool> chosen)
    {
        using var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        var labelled = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [label] = true },
        };
        int containers = 0, networks = 0;
        // Containers first: the network is in use while any of them is on it.
        foreach (var container in (await engine.Containers.ListContainersAsync(new() { All = true, Filters = labelled })).Where(c => chosen(c.Labels)))
        {
            try
            {
                await engine.Containers.RemoveContainerAsync(container.ID, new() { Force = true });
                containers++;
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile by its own disposal.
            }
        }
        foreach (var network in (await engine.Networks.ListNetworksAsync(new() { Filters = labelled })).Where(n => chosen(n.Labels)))
        {
            try
            {
                await engine.Networks.DeleteNetworkAsync(network.ID);
                networks++;
            }
            catch (DockerNetworkNotFoundException)
            {
            }
        }
        return (containers, networks);
    }

    /// <summary>Whether <paramref name="owner"/> is a grader process on this machine that has ended (or whose id another process has taken since).</summary>
    public static bool IsGone(string owner) =>
        owner.Split('/') is [var machine, var pid, var started]
        && machine == Environment.MachineName
        && int.TryParse(pid, CultureInfo.InvariantCulture, out int id)
        && StartOf(id) != started;

    // When a process started, to the second; "gone" when there is no such process.
    private static string StartOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return (process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "gone";
        }
    }
}
