// The reference challenge-response server: it sends each client a fresh random challenge, and lets in only a
// client that answers with HMAC-SHA256(password, challenge). The password itself never crosses the network,
// and what an eavesdropper records answers no other challenge. The password comes from SOCKET_PASSWORD or --password.
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthServerAsync(args, "Echo server with a challenge: clients prove they know the password without sending it.", ChallengeServer.RunAsync);

internal static class ChallengeServer
{
    // The first line, with its \n, must fit in this many bytes: a client cannot make us buffer without end.
    private const int MaxLineBytes = 1024;

    // Decoding that fails on invalid UTF-8 instead of quietly replacing it.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task RunAsync(AuthServerOptions options, CancellationToken stopping)
    {
        // As in the echo server, each client's code runs on the thread that learns its socket is ready: the code
        // below waits only on sockets and timers, never blocks (see the echo server's solution for why and when not).
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        using var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(options.Address, options.Port));
        listener.Listen();
        using var slots = new ConnectionSlots(); // at most as many clients at once as there are file descriptors for
        // Say where we listen, never what the password is.
        Console.WriteLine($"Challenge server listening on {listener.LocalEndPoint}, login timeout {options.LoginTimeout.TotalSeconds:0.#} s. Press Ctrl+C to stop.");

        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break; // Ctrl+C or SIGTERM: stop accepting
            }
            catch (SocketException e) when (ConnectionSlots.RanOut(e))
            {
                slots.TurnAway(listener); // out of file descriptors: see the echo server
                continue;
            }
            slots.Serve(client, c => ServeClientAsync(c, options, stopping)); // one task per client: a slow login delays no one else
        }
        Console.WriteLine("Challenge server stopped.");
    }

    private static async Task ServeClientAsync(Socket client, AuthServerOptions options, CancellationToken stopping)
    {
        var remote = client.RemoteEndPoint;
        client.NoDelay = true; // each answer and echo goes out at once (see the echo server's solution)
        using (client)
        {
            try
            {
                // The challenge first, before reading anything: 16 bytes no one can guess, new for this connection.
                string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                await SendAllAsync(client, Encoding.ASCII.GetBytes($"CHALLENGE {nonce}\n"), stopping);

                var login = await ReadFirstLineAsync(client, options.LoginTimeout, stopping);
                if (login.Line is null)
                {
                    if (login.Refusal is not null) // too long, or too slow; otherwise the client simply left
                    {
                        Console.WriteLine($"Client {remote} refused: {login.Refusal}.");
                        await SendAllAsync(client, Encoding.UTF8.GetBytes($"ERR {login.Refusal}\n"), stopping);
                    }
                    return;
                }

                string? refusal = CheckResponse(login.Line, nonce, options.Password);
                if (refusal is not null)
                {
                    // Nothing the client sent is echoed: it gets the reason, and the connection is closed.
                    Console.WriteLine($"Client {remote} refused: {refusal}.");
                    await SendAllAsync(client, Encoding.UTF8.GetBytes($"ERR {refusal}\n"), stopping);
                    return;
                }

                Console.WriteLine($"Client {remote} answered its challenge.");
                await SendAllAsync(client, "OK\n"u8.ToArray(), stopping);
                // Bytes that arrived in the same read as the AUTH line are the start of the conversation: keep them.
                await SendAllAsync(client, login.After, stopping);
                await EchoAsync(client, stopping);
            }
            catch (SocketException e)
            {
                Console.WriteLine($"Client {remote} left abruptly: {e.SocketErrorCode}."); // ends this connection only
            }
            catch (OperationCanceledException)
            {
                // The server is stopping: just close this connection.
            }
        }
    }

    /// <summary>The first line without its \n (or \r\n), the bytes after it, or why there is no line.</summary>
    private sealed record FirstLine(byte[]? Line, ReadOnlyMemory<byte> After, string? Refusal);

    // TCP delivers a stream, not lines: the line may arrive in pieces, and more may follow it in the same read.
    private static async Task<FirstLine> ReadFirstLineAsync(Socket client, TimeSpan loginTimeout, CancellationToken stopping)
    {
        var buffer = new byte[MaxLineBytes];
        int filled = 0;
        using var login = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        login.CancelAfter(loginTimeout);
        try
        {
            while (true)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', 0, filled);
                if (newline >= 0)
                {
                    int end = newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                    return new FirstLine(buffer[..end], buffer.AsMemory(newline + 1, filled - newline - 1), null);
                }
                if (filled == buffer.Length)
                {
                    return new FirstLine(null, default, "first line too long"); // refuse now, without reading more
                }
                int received = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, login.Token);
                if (received == 0)
                {
                    return new FirstLine(null, default, null); // the client left before logging in
                }
                filled += received;
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new FirstLine(null, default, "login timed out");
        }
    }

    // Null when the line is "AUTH " and the MAC of this connection's nonce; otherwise the reason to refuse.
    private static string? CheckResponse(byte[] line, string nonce, string password)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return "first line is not valid UTF-8";
        }
        if (!text.StartsWith("AUTH ", StringComparison.Ordinal))
        {
            return "expected AUTH <mac>";
        }
        string hex = text["AUTH ".Length..];
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            return "the MAC is 64 hex digits"; // the password sent in clear lands here too
        }
        // The key is the password, the message the nonce as sent: only someone who knows the password can
        // compute it, and it answers this nonce only, so a recorded answer is worthless on the next connection.
        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), Encoding.ASCII.GetBytes(nonce));
        // Constant time: how long a refusal takes must not tell how many leading bytes of a guess were right.
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected) ? null : "wrong MAC";
    }

    // As exercise 01's server echoes: each client waits with a small buffer of its own, so a short message takes
    // one receive and one send and an idle client holds only these bytes; a full one means more is likely waiting,
    // moved with a large buffer from a pool that is given back before the client waits again.
    private static async Task EchoAsync(Socket client, CancellationToken stopping)
    {
        byte[] small = new byte[1024];
        while (true)
        {
            int received = await client.ReceiveAsync(small, SocketFlags.None, stopping);
            if (received == 0)
            {
                return;
            }
            await SendAllAsync(client, small.AsMemory(0, received), stopping);
            if (received == small.Length)
            {
                await EchoWhatHasArrivedAsync(client, stopping);
            }
        }
    }

    private static async Task EchoWhatHasArrivedAsync(Socket client, CancellationToken stopping)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (client.Available > 0) // bytes already queued: this receive returns at once
            {
                int received = await client.ReceiveAsync(buffer, SocketFlags.None, stopping);
                await SendAllAsync(client, buffer.AsMemory(0, received), stopping);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken stopping)
    {
        while (!data.IsEmpty)
        {
            int sent = await socket.SendAsync(data, SocketFlags.None, stopping);
            data = data[sent..];
        }
    }
}
