// The reference echo server: every byte a client sends comes straight back, to many clients at once.
// Each socket call is the Berkeley call the course teaches; exercises/01-echo/README.md maps them.
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SocketExercises.Common;

return await ExerciseHost.RunServerAsync(args, "Echo server: sends every byte back to the client that sent it.", EchoServer.RunAsync);

internal static class EchoServer
{
    public static async Task RunAsync(ServerOptions options, CancellationToken stopping)
    {
        // Run each client's code on the thread that learns its socket is ready, not on a thread-pool thread it
        // hands the work to: for a small message the hand-over costs more than the echo (64 clients × 64 B on two
        // cores: about 115,000 round trips/s instead of 80,000; docs/performance.md). Fine here, as the code below
        // waits only on sockets; code that blocked (a sleep, a synchronous call) would stall every client that
        // thread watches. The runtime reads this once, when the first socket waits, so it comes first.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

        // socket(): a TCP socket (a byte stream) for the address family of the host we listen on.
        using var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

        // bind() claims the host and port; listen() lets the operating system queue incoming connections.
        listener.Bind(new IPEndPoint(options.Address, options.Port));
        listener.Listen();
        using var slots = new ConnectionSlots(); // at most as many clients at once as there are file descriptors for
        Console.WriteLine($"Echo server listening on {listener.LocalEndPoint}. Press Ctrl+C to stop.");

        while (true)
        {
            Socket client;
            try
            {
                // accept() waits for the next client and gives back a new socket for that one connection.
                client = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break; // Ctrl+C or SIGTERM: stop accepting
            }
            catch (SocketException e) when (ConnectionSlots.RanOut(e))
            {
                // Out of file descriptors (EMFILE) all the same: ending here would let anyone stop the server by
                // opening enough connections, and retrying at once would spin. See ConnectionSlots.
                slots.TurnAway(listener);
                continue;
            }

            // Each client gets its own task, not awaited, so a slow or idle client never holds up another; and at
            // most as many at once as there are descriptors for: a client beyond them is turned away (ConnectionSlots).
            slots.Serve(client, c => ServeClientAsync(c, stopping));
        }
        Console.WriteLine("Echo server stopped.");
    }

    private static async Task ServeClientAsync(Socket client, CancellationToken stopping)
    {
        var remote = client.RemoteEndPoint;
        Console.WriteLine($"Client {remote} connected.");
        // TCP_NODELAY: send each echo now. With Nagle's algorithm on, a small send waits until the peer
        // acknowledges the last one, and the peer delays that acknowledgement (about 40 ms): one round trip of
        // a large message echoed in pieces would stall on every piece (64 KiB on one connection: 1.5 MiB/s).
        client.NoDelay = true;
        using (client) // close() when we are done, however we leave
        {
            try
            {
                // Each client waits with a small buffer of its own: a short message comes in with one receive and
                // goes back with one send, and a client that sends nothing holds only these bytes (10,000 idle
                // clients: about 10 MiB, where a 64 KiB buffer each would be 640 MiB).
                byte[] small = new byte[1024];
                while (true)
                {
                    // recv(): waits for at least one byte; TCP may hand over a message in pieces of any size.
                    int received = await client.ReceiveAsync(small, SocketFlags.None, stopping);
                    if (received == 0)
                    {
                        break; // 0 bytes: the client shut down its sending side, and the echo is all sent
                    }
                    // Echo exactly the bytes received this time, never the whole buffer.
                    await SendAllAsync(client, small.AsMemory(0, received), stopping);
                    if (received == small.Length)
                    {
                        await EchoWhatHasArrivedAsync(client, stopping); // a full buffer: more is likely waiting
                    }
                }
                Console.WriteLine($"Client {remote} finished.");
            }
            catch (SocketException e)
            {
                // A client that resets or vanishes ends its own connection, never the server.
                Console.WriteLine($"Client {remote} left abruptly: {e.SocketErrorCode}.");
            }
            catch (OperationCanceledException)
            {
                // The server is stopping: just close this connection.
            }
        }
    }

    // A large message: move what has already arrived with a large buffer borrowed from a shared pool, in as few
    // calls as the socket allows, and give the buffer back before waiting again, so that no waiting client holds
    // one. Available asks the kernel how many bytes are queued (ioctl FIONREAD) without taking them.
    private static async Task EchoWhatHasArrivedAsync(Socket client, CancellationToken stopping)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (client.Available > 0)
            {
                int received = await client.ReceiveAsync(buffer, SocketFlags.None, stopping); // returns at once
                await SendAllAsync(client, buffer.AsMemory(0, received), stopping);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // send() may take fewer bytes than offered; loop until all are gone (Python's sendall()).
    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken stopping)
    {
        while (!data.IsEmpty)
        {
            int sent = await socket.SendAsync(data, SocketFlags.None, stopping);
            data = data[sent..];
        }
    }
}
