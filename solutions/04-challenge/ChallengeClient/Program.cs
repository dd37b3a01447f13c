// The reference challenge-response client: reads the server's challenge, answers with
// HMAC-SHA256(password, challenge) — never the password itself — waits for the verdict, and only after "OK"
// sends its message and prints the echo. The password comes from SOCKET_PASSWORD or --password.
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthClientAsync(args, "Echo client with a challenge: proves it knows the password without sending it.", ChallengeClient.RunAsync);

internal static class ChallengeClient
{
    private const int MaxLineBytes = 1024;

    public static async Task RunAsync(AuthClientOptions options, CancellationToken stopping)
    {
        using var socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using (var connecting = Deadline(options.Timeout, stopping))
        {
            await socket.ConnectAsync(new IPEndPoint(options.Address, options.Port), connecting.Token);
        }

        // Wait for the challenge, answer it, and send nothing else until the server has answered.
        using (var login = Deadline(options.Timeout, stopping))
        {
            string challenge = await ReceiveLineAsync(socket, login.Token);
            if (!challenge.StartsWith("CHALLENGE ", StringComparison.Ordinal))
            {
                throw new ExerciseException($"The server's first line is '{challenge}', not CHALLENGE <nonce>.");
            }
            string nonce = challenge["CHALLENGE ".Length..];
            // The key is the password, the message the nonce exactly as received.
            byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Password), Encoding.UTF8.GetBytes(nonce));
            await SendAllAsync(socket, Encoding.ASCII.GetBytes($"AUTH {Convert.ToHexStringLower(mac)}\n"), login.Token);
            string answer = await ReceiveLineAsync(socket, login.Token);
            if (answer.StartsWith("ERR ", StringComparison.Ordinal))
            {
                throw new ExerciseException($"The server refused the login: {answer["ERR ".Length..]}");
            }
            if (answer != "OK")
            {
                throw new ExerciseException($"The server answered the login with '{answer}', not OK or ERR.");
            }
        }

        if (options.Interactive)
        {
            Console.Error.WriteLine("Logged in. Type a line to send it; end the input (Ctrl+D, or Ctrl+Z on Windows) to quit.");
            while (Console.ReadLine() is { } line)
            {
                await ExchangeAsync(socket, line, options.Timeout, stopping);
            }
        }
        else
        {
            await ExchangeAsync(socket, options.Message, options.Timeout, stopping);
        }
        socket.Shutdown(SocketShutdown.Send);
    }

    // One byte at a time, so we take nothing that comes after the line; the answer may arrive in pieces.
    private static async Task<string> ReceiveLineAsync(Socket socket, CancellationToken token)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < MaxLineBytes)
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, token) == 0)
            {
                throw new ExerciseException("The server closed the connection in the middle of the login.");
            }
            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }
            line.Add(one[0]);
        }
        throw new ExerciseException("The server's answer to the login is not a line.");
    }

    private static async Task ExchangeAsync(Socket socket, string message, TimeSpan timeout, CancellationToken stopping)
    {
        byte[] request = Encoding.UTF8.GetBytes(message);
        using var deadline = Deadline(timeout, stopping);
        await SendAllAsync(socket, request, deadline.Token);

        // The echo may arrive in pieces: receive until all of it is here.
        var reply = new byte[request.Length];
        for (int received = 0; received < reply.Length;)
        {
            int count = await socket.ReceiveAsync(reply.AsMemory(received), SocketFlags.None, deadline.Token);
            if (count == 0)
            {
                throw new ExerciseException($"The server closed the connection after echoing {received} of {reply.Length} bytes.");
            }
            received += count;
        }
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(reply)}");
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, SocketFlags.None, token)..];
        }
    }

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken stopping)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        return deadline;
    }
}
