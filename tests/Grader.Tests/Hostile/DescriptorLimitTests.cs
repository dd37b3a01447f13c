using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Hostile;

/// <summary>
/// The reference servers when clients take every file descriptor there is: with the limit at 256 and 356
/// connections open, each server stays up, the connections it serves keep working, and once clients leave a
/// new one is served. (A server that exits at its descriptor limit is a denial of service anyone can trigger.)
/// </summary>
public sealed class DescriptorLimitTests
{
    public static TheoryData<string> Servers { get; } = ["01-echo/EchoServer", "02-auth/AuthServer", "03-chat/ChatServer", "04-challenge/ChallengeServer"];

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_reference_server_outlives_more_clients_than_it_has_descriptors_for(string project)
    {
        // Given the server, started with at most 256 open files
        int port = FreePort.On(IPAddress.Loopback).Port;
        var server = KitPrograms.Project($"solutions/{project}", $"--port {port}");
        await using var running = RunningProcess.Start(
            new ShellCommand($"ulimit -n 256 && exec {server.Text}").ToStartInfo([new("password", "SOCKET_PASSWORD", "pass-word")]));
        Assert.True(await running.WaitForOutputAsync(o => o.Contains("listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(30), CancellationToken.None), running.Errors);

        // When 356 clients connect and stay
        var crowd = new List<Socket>();
        try
        {
            for (int i = 0; i < 356; i++)
            {
                crowd.Add(await ConnectAsync(port));
            }
            // and the last of them is served or turned away, whichever: the server has been through them all
            _ = await ProbeAsync(project, crowd[^1]);

            // Then the first of them is still served, and once they have left, a new client is
            Assert.True(await ProbeAsync(project, crowd[0]), running.Errors);
        }
        finally
        {
            crowd.ForEach(c => c.Dispose());
        }
        Assert.True(await NewcomerServedAsync(project, port), running.Errors);
        Assert.False(running.HasExited, running.Errors);
    }

    // The server learns of the crowd's leaving one close at a time: a newcomer that comes before it has learned of
    // enough of them is turned away (its connection closed), and comes again, for ten seconds at most.
    private static async Task<bool> NewcomerServedAsync(string project, int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            using var newcomer = await ConnectAsync(port);
            if (await ProbeAsync(project, newcomer))
            {
                return true;
            }
        }
        while (DateTime.UtcNow < until);
        return false;
    }

    // The first thing each server does for a client: an echo, a login, a join, a challenge. True if it was done,
    // false if the server closed the connection instead (it turned the client away).
    private static async Task<bool> ProbeAsync(string project, Socket client)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        (string send, string expect) = project switch
        {
            "01-echo/EchoServer" => ("ping", "ping"),
            "02-auth/AuthServer" => ("AUTH pass-word\n", "OK\n"),
            "03-chat/ChatServer" => ($"NICK ana{client.LocalEndPoint!.GetHashCode() % 1000}\n", "OK\n"),
            _ => ("", "CHALLENGE "),
        };
        try
        {
            await client.SendAsync(Encoding.UTF8.GetBytes(send), limit.Token);
            var received = new StringBuilder();
            byte[] buffer = new byte[256];
            while (received.Length < expect.Length)
            {
                int n = await client.ReceiveAsync(buffer, limit.Token);
                if (n == 0)
                {
                    return false;
                }
                received.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
            Assert.StartsWith(expect, received.ToString(), StringComparison.Ordinal);
            return true;
        }
        catch (SocketException)
        {
            return false; // reset rather than closed: turned away all the same
        }
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }
}
