using System.Net;
using System.Net.Sockets;

namespace SocketExercises.Catalogue.Echo.Server;

/// <summary>How a catalogue server treats its clients; the mistakes are in these choices and in <see cref="Serve"/>.</summary>
public sealed record ServerBehaviour(Func<Socket, CancellationToken, Task> Serve)
{
    /// <summary>Serves a client inside the accept loop, so the next waits for it to leave.</summary>
    public bool OneClientAtATime { get; init; }

    /// <summary>Exits once its first client has left, as the course's first example does.</summary>
    public bool ExitsAfterFirstClient { get; init; }

    /// <summary>Lets a client's socket error end the whole process instead of that client's connection.</summary>
    public bool DiesOnClientError { get; init; }

    /// <summary>Exits before it listens, as a server whose bind fails and which gives up does.</summary>
    public bool ExitsAtStart { get; init; }

    /// <summary>Listens on a port of its own choosing, as a server with its port written in the code does.</summary>
    public bool IgnoresGivenPort { get; init; }

    /// <summary>The mistake the grader must name for it (a diagnosis id), on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks that must fail it, the one meant for its mistake first; none for a correct server.</summary>
    public string[] MustFail { get; init; } = [];

    /// <summary>Graded by a test of its own rather than with the rest of the catalogue.</summary>
    public bool GradedAlone { get; init; }
}

/// <summary>The part every catalogue server shares: listen, accept, and hand each client to the behaviour.</summary>
internal static class ServerHost
{
    public static async Task<int> RunAsync(int port, ServerBehaviour behaviour, CancellationToken stopping)
    {
        if (behaviour.ExitsAtStart)
        {
            Console.Error.WriteLine($"Cannot listen on port {port}: giving up.");
            return 1;
        }
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Listening.Address, behaviour.IgnoresGivenPort ? 0 : port));
        listener.Listen();
        var crashed = new TaskCompletionSource<int>();
        while (!stopping.IsCancellationRequested && !crashed.Task.IsCompleted)
        {
            var accept = listener.AcceptAsync(stopping).AsTask();
            if (await Task.WhenAny(accept, crashed.Task) == crashed.Task)
            {
                break;
            }
            Socket client;
            try
            {
                client = await accept;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var serving = ServeAsync(client, behaviour, crashed, stopping);
            if (behaviour.OneClientAtATime || behaviour.ExitsAfterFirstClient)
            {
                await serving;
            }
            if (behaviour.ExitsAfterFirstClient)
            {
                return 0;
            }
        }
        return crashed.Task.IsCompleted ? await crashed.Task : 0;
    }

    private static async Task ServeAsync(Socket client, ServerBehaviour behaviour, TaskCompletionSource<int> crashed, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                await behaviour.Serve(client, stopping);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                if (behaviour.DiesOnClientError && e is SocketException)
                {
                    Console.Error.WriteLine($"Unhandled: {e.Message}");
                    crashed.TrySetResult(134); // as an unhandled exception would end the process
                }
            }
        }
    }
}
