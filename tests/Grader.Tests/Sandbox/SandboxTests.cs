using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests.Sandbox;

/// <summary>
/// <c>--sandbox docker</c> on a real engine: servers in C# and Python, and clients, graded in containers as they
/// are on this machine, one held to its memory limit, one cut off from the network, and nothing left behind.
/// The reference solutions of every exercise are graded in their containers by <see cref="SandboxedGradeAllTests"/>,
/// which holds them to the same grades as on this machine; here are the programs and cases it does not cover.
/// </summary>
[Collection(OneEngine.Name)]
public sealed class SandboxTests
{
    private static readonly string PythonPrograms = KitPrograms.PythonPrograms;

    [DockerFact]
    public async Task The_reference_echo_server_passes_every_check_in_its_container()
    {
        var report = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.DotnetImage, KitPrograms.Output("solutions/01-echo/EchoServer")), new("dotnet EchoServer.dll"));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Contains(report.Notes, n => n.Contains(SandboxOptions.DotnetImage, StringComparison.Ordinal));
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_python_echo_server_is_graded_in_its_container_exactly_as_the_csharp_one()
    {
        var python = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.PythonImage, PythonPrograms), new("python3 echo_server.py"));
        var csharp = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.DotnetImage, KitPrograms.Output("solutions/01-echo/EchoServer")), new("dotnet EchoServer.dll"));

        Assert.Equal(Outcomes(csharp), Outcomes(python));
        Assert.True(python.Succeeded, python.Describe());
        await AssertNothingLeftAsync();
    }

    [DockerTheory]
    [InlineData("asyncio_server.py")]
    [InlineData("socketserver_server.py")]
    [InlineData("selectors_server.py")]
    public async Task A_python_server_that_uses_the_standard_library_passes_in_its_container_as_it_does_here(string script)
    {
        // Given a correct server that imports asyncio, socketserver or selectors
        // When it is graded here and in the Python image
        var here = await Grade.ServerAsync(EchoServer, new($"python3 \"{Path.Combine(PythonPrograms, script)}\""));
        var there = await Grade.ServerInSandboxAsync(EchoServer, new SandboxOptions(SandboxOptions.PythonImage, PythonPrograms), new($"python3 {script}"));

        // Then both pass everything: the image lacks nothing of Python that a correct program may use
        Assert.True(here.Succeeded, here.Describe());
        Assert.True(there.Succeeded, there.Describe());
    }

    [DockerFact]
    public async Task A_python_chat_server_passes_every_check_in_its_container()
    {
        var python = await Grade.ServerInSandboxAsync(
            ChatServer, new SandboxOptions(SandboxOptions.PythonImage, KitPrograms.PythonChatPrograms), new("python3 asyncio_chat_server.py"));

        Assert.True(python.Succeeded, python.Describe());
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task Exercise_04_in_python_passes_every_check_in_its_containers()
    {
        // Given the challenge server and client in Python
        var python = new SandboxOptions(SandboxOptions.PythonImage, KitPrograms.PythonChallengePrograms);
        var server = await Grade.ServerInSandboxAsync(ChallengeServer, python, new("python3 challenge_server.py --port {port}"));
        var client = await Grade.ClientInSandboxAsync(ChallengeClient, python, new("python3 challenge_client.py --port {port}"));

        // Then both pass in their containers as they do here: the image holds hmac and secrets
        Assert.True(server.Succeeded, server.Describe());
        Assert.True(client.Succeeded, client.Describe());
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_broken_server_fails_the_same_checks_in_its_container_as_on_this_machine()
    {
        var here = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("decodes-ascii"));
        var contained = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.DotnetImage, KitPrograms.Output("tests/Catalogue")), new("dotnet Catalogue.dll echo-server decodes-ascii --port {port}"));

        Assert.NotEmpty(contained.Ids(CheckStatus.Failed));
        Assert.Equal(here.Ids(CheckStatus.Failed), contained.Ids(CheckStatus.Failed));
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task The_reference_echo_client_passes_every_check_in_its_container()
    {
        var report = await Grade.EchoClientInSandboxAsync(
            new SandboxOptions(SandboxOptions.DotnetImage, KitPrograms.Output("solutions/01-echo/EchoClient")), new("dotnet EchoClient.dll --port {port}"));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Contains(report.Notes, n => n.Contains(SandboxOptions.DotnetImage, StringComparison.Ordinal));
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_broken_client_fails_the_same_checks_in_its_container_as_on_this_machine()
    {
        var here = await Grade.EchoClientAsync(KitPrograms.CatalogueClient("reads-once"));
        var contained = await Grade.EchoClientInSandboxAsync(
            new SandboxOptions(SandboxOptions.DotnetImage, KitPrograms.Output("tests/Catalogue")), new("dotnet Catalogue.dll echo-client reads-once --port {port}"));

        Assert.NotEmpty(contained.Ids(CheckStatus.Failed));
        Assert.Equal(here.Ids(CheckStatus.Failed), contained.Ids(CheckStatus.Failed));
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_missing_image_is_the_graders_trouble_and_no_check_fails()
    {
        // Given an image that is not on this machine
        var sandbox = new SandboxOptions("socket-exercises/missing:none", KitPrograms.Output("solutions/01-echo/EchoServer"));

        // When a server is graded in it
        var report = await Grade.ServerInSandboxAsync(EchoServer, sandbox, new("dotnet EchoServer.dll"));

        // Then no check failed: every one could not be graded, and the first says how to build the images
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Results.Count, report.Errors);
        Assert.Contains("sandbox/build-images.sh", report.Results[0].Message);
    }

    [DockerFact]
    public async Task A_server_that_goes_over_its_memory_limit_is_stopped_and_the_report_says_so()
    {
        var report = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.PythonImage, PythonPrograms), new("python3 memory_hog_server.py"));

        var first = report.Results[0];
        Assert.Equal(CheckStatus.Failed, first.Status);
        Assert.Contains("exit code 137", first.Message);
        Assert.Contains("memory limit of 256 MiB", first.Message);
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_server_cannot_open_connections_of_its_own_and_the_report_shows_it_tried()
    {
        // Given a listener in another container, which this test can reach from outside the sandbox
        await using var elsewhere = new ContainerBuilder(SandboxOptions.PythonImage)
            .WithLogger(NullLogger.Instance)
            .WithCommand("python3", "-c", "import socket; s = socket.create_server(('0.0.0.0', 8000)); print('ready', flush=True); s.accept()")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("ready"))
            .Build();
        await elsewhere.StartAsync();
        using (var fromHere = new TcpClient())
        {
            await fromHere.ConnectAsync(elsewhere.IpAddress, 8000);
        }

        // When a server in the sandbox tries to connect to it before it serves
        var report = await Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.PythonImage, PythonPrograms), new($"python3 outbound_server.py {elsewhere.IpAddress}:8000"));

        // Then its attempt failed, the report shows what it printed about it, and it was graded as usual
        Assert.True(report.Notes.Any(n => n.Contains($"outbound connection to {elsewhere.IpAddress}:8000: blocked", StringComparison.Ordinal)), report.Describe());
        Assert.True(report.Succeeded, report.Describe());
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task Interrupted_grading_removes_the_container()
    {
        using var interrupt = new CancellationTokenSource();
        var grading = Grade.ServerInSandboxAsync(
            EchoServer, new SandboxOptions(SandboxOptions.PythonImage, PythonPrograms), new("python3 echo_server.py"), interrupt.Token);

        await Eventually.TrueAsync(() => SandboxContainers.ListAsync().GetAwaiter().GetResult().Count > 0, "the server's container");
        await interrupt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grading);
        await AssertNothingLeftAsync();
    }

    [DockerFact]
    public async Task A_container_created_behind_the_sandbox_s_back_is_removed_with_its_network()
    {
        // Given what a grading interrupted mid-creation leaves: a container the engine made but whose id never
        // came back, on a network, both labelled with the grading, and a container of another grading
        string grading = Guid.NewGuid().ToString("N");
        using var engine = SandboxContainers.Client();
        var labels = new Dictionary<string, string> { [SandboxOptions.Label] = "program", [SandboxLeftovers.GradingLabel] = grading };
        var network = await engine.Networks.CreateNetworkAsync(new() { Name = "socket-exercises-test-" + grading[..8], Internal = true, Labels = labels });
        var orphan = await engine.Containers.CreateContainerAsync(new()
        {
            Image = SandboxOptions.PythonImage,
            Cmd = ["sleep", "600"],
            Labels = labels,
            HostConfig = new() { NetworkMode = network.ID },
        });
        await engine.Containers.StartContainerAsync(orphan.ID, new());
        var other = await engine.Containers.CreateContainerAsync(new()
        {
            Image = SandboxOptions.PythonImage,
            Cmd = ["sleep", "600"],
            Labels = new Dictionary<string, string> { [SandboxLeftovers.GradingLabel] = "another" },
        });

        try
        {
            // When that grading's leftovers are removed
            await SandboxLeftovers.RemoveAsync(grading);

            // Then its container and network are gone, and the other grading's container is not
            Assert.Empty(await SandboxContainers.ListAsync());
            Assert.Empty(await SandboxContainers.NetworksAsync());
            Assert.Equal(other.ID, (await engine.Containers.InspectContainerAsync(other.ID)).ID);
        }
        finally
        {
            await engine.Containers.RemoveContainerAsync(other.ID, new() { Force = true });
        }
    }

    [DockerFact]
    public async Task A_sandboxed_client_reaches_the_grader_and_no_other_service_of_this_machine()
    {
        Assert.SkipUnless(SandboxFirewall.Available, "Needs root and iptables, as the sandbox's firewall does; elsewhere the report says the door is open.");
        // Given a service listening on every address of this machine
        using var service = new TcpListener(System.Net.IPAddress.Any, 0);
        service.Start();
        int port = ((System.Net.IPEndPoint)service.LocalEndpoint).Port;

        // When a client in the sandbox tries it at the grader's address (the network's gateway), at the engine's
        // default bridge (docker0) and at every other address of this machine, then does its work
        var addresses = MachineAddresses();
        Assert.Contains(addresses, a => a.Interface == "docker0");
        var prying = new SandboxOptions(SandboxOptions.PythonImage, KitPrograms.HostilePrograms);
        var report = await Grade.ClientInSandboxAsync(EchoClient, prying, new($"python3 prying_client.py {port} {string.Join(' ', addresses.Select(a => a.Address))}"));

        // Then the service was out of its reach, and the grader was not: it passes, and the report says the door was closed
        Assert.True(report.Succeeded, report.Describe());
        Assert.False(service.Pending());
        Assert.Contains(report.Notes, n => n.Contains("nothing else of this machine", StringComparison.Ordinal));
        await AssertNothingLeftAsync();
        // and the grading's firewall rules went with it (the sandbox's gradings in this process run one at a time)
        Assert.DoesNotContain("@" + SandboxLeftovers.ThisOwner, (await Executed.RunAsync(new("iptables -w -S INPUT"))).Output);
    }

    // This machine's own IPv4 addresses but loopback, each with its interface.
    private static List<(string Interface, string Address)> MachineAddresses() =>
    [
        .. System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(a => (i.Name, a.Address)))
            .Where(a => a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            .Select(a => (a.Name, a.Address.ToString())),
    ];

    [DockerFact]
    public async Task What_a_grader_killed_outright_left_is_removed_by_the_next_and_a_living_graders_is_not()
    {
        // Given a network left by a grader process that is gone (an id no process has), and one of this
        // process, which is alive
        using var engine = SandboxContainers.Client();
        string test = Guid.NewGuid().ToString("N")[..8];
        var dead = await engine.Networks.CreateNetworkAsync(new()
        {
            Name = "socket-exercises-test-dead-" + test,
            Internal = true,
            Labels = new Dictionary<string, string> { [SandboxOptions.Label] = "network", [SandboxLeftovers.OwnerLabel] = $"{Environment.MachineName}/{int.MaxValue - 1}/0" },
        });
        var living = await engine.Networks.CreateNetworkAsync(new()
        {
            Name = "socket-exercises-test-living-" + test,
            Internal = true,
            Labels = new Dictionary<string, string> { [SandboxOptions.Label] = "network", [SandboxLeftovers.OwnerLabel] = SandboxLeftovers.ThisOwner },
        });
        try
        {
            // When a grading sweeps before it starts
            var (_, networks) = await SandboxLeftovers.SweepAsync();

            // Then the dead grader's network is gone, and the living one's is not
            Assert.True(networks >= 1);
            Assert.DoesNotContain(await engine.Networks.ListNetworksAsync(), n => n.ID == dead.ID);
            Assert.Contains(await engine.Networks.ListNetworksAsync(), n => n.ID == living.ID);
        }
        finally
        {
            await engine.Networks.DeleteNetworkAsync(living.ID);
        }
    }

    [Fact]
    public async Task The_firewall_rules_of_a_grader_killed_outright_are_removed_by_the_next_and_a_living_graders_are_not()
    {
        Assert.SkipUnless(SandboxFirewall.Available, "Needs root and iptables, as the sandbox's firewall does.");
        // Given a rule left by a grader process that is gone, and one of this process, on a bridge that does not exist
        string dead = $"socket-exercises-test@{Environment.MachineName}/{int.MaxValue - 1}/0";
        string living = $"socket-exercises-test@{SandboxLeftovers.ThisOwner}";
        string bridge = "br-" + Guid.NewGuid().ToString("N")[..12];
        foreach (string comment in (string[])[dead, living])
        {
            Assert.Equal(0, (await Executed.RunAsync(new($"iptables -w -A INPUT -i {bridge} -m comment --comment '{comment}' -j DROP"))).ExitCode);
        }
        try
        {
            // When a grading sweeps before it starts
            int removed = await SandboxFirewall.SweepAsync();

            // Then the dead grader's rule is gone, and the living one's is not
            string rules = (await Executed.RunAsync(new("iptables -w -S INPUT"))).Output;
            Assert.True(removed >= 1);
            Assert.DoesNotContain(dead, rules);
            Assert.Contains(living, rules);
        }
        finally
        {
            await Executed.RunAsync(new($"iptables -w -D INPUT -i {bridge} -m comment --comment '{living}' -j DROP"));
        }
    }

    private static async Task AssertNothingLeftAsync()
    {
        Assert.Empty(await SandboxContainers.ListAsync());
        Assert.Empty(await SandboxContainers.NetworksAsync());
    }

    private static (string, CheckStatus)[] Outcomes(GradeReport report) => [.. report.Results.Select(r => (r.Info.Id, r.Status))];
}

/// <summary>Sandbox tests run one at a time: each counts the sandbox's containers on the one engine.</summary>
[CollectionDefinition(Name)]
public sealed class OneEngine
{
    public const string Name = "Docker sandbox";
}
