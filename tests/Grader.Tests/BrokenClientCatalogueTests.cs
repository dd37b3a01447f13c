using SocketExercises.Grader.Checks;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>Every broken client in the catalogue (tests/Catalogue/Clients.cs) fails the check meant for its mistake.</summary>
public sealed class BrokenClientCatalogueTests
{
    public static TheoryData<string, string[]> Broken => new()
    {
        { "reads-once", ["echo-client.reassembles-pieces"] },
        // Still waiting when it is stopped, it never prints either.
        { "waits-for-server-to-close", ["echo-client.exits-zero", "echo-client.prints-echo", "echo-client.reassembles-pieces"] },
        { "sends-newline", ["echo-client.sends-message"] },
        { "exits-non-zero", ["echo-client.exits-zero"] },
        { "prints-nothing", ["echo-client.prints-echo", "echo-client.reassembles-pieces"] },
        { "wrong-port", ["echo-client.connects"] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Catches_a_broken_client(string client, string[] expectedFailures)
    {
        var report = await Grade.EchoClientAsync(KitPrograms.CatalogueClient(client));

        Assert.True(
            expectedFailures.Order().SequenceEqual(report.Ids(CheckStatus.Failed).Order()),
            $"Expected to fail: {string.Join(", ", expectedFailures.Order())}\n{report.Describe()}");
    }

    [Theory]
    [InlineData("correct")]
    [InlineData("correct-half-close-first")]
    public async Task Passes_a_correct_client_however_it_is_written(string client)
    {
        var report = await Grade.EchoClientAsync(KitPrograms.CatalogueClient(client));

        Assert.True(report.Succeeded, report.Describe());
    }
}
