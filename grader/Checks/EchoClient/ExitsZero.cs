using SocketExercises.Grader.Reports;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§9: after the echo the client exits by itself, with code 0.</summary>
public sealed class ExitsZero : EchoClientCheck
{
    public override CheckInfo Info { get; } = new(
        "echo-client.exits-zero",
        "exits with code 0 soon after its echo",
        "§9",
        "After printing the echo, close the socket and return from Main. Don't wait for more data from the server, or for input.");

    protected override void Judge(ClientUnderTest client, ClientSession session)
    {
        if (!session.ExitedInTime)
        {
            throw new CheckFailedException($"The client was still running {Durations.Format(client.Limits.ExitTimeout)} after its echo was sent, and was stopped.\n{session.ShowOutput()}");
        }
        if (session.ExitCode != 0)
        {
            throw new CheckFailedException($"The client exited with code {session.ExitCode}, not 0.\n{session.ShowOutput()}");
        }
    }
}
