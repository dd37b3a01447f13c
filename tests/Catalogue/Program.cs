// Usage: Catalogue <exercise> <name> --port N, the exercise one of CatalogueProgram.All's;
//        Catalogue --list: each program's exercise and name, a line each (for bench/catalogue-times.sh)
using SocketExercises.Catalogue;
using SocketExercises.Catalogue.Auth.Client;
using SocketExercises.Catalogue.Auth.Server;
using SocketExercises.Catalogue.Challenge.Client;
using SocketExercises.Catalogue.Challenge.Server;
using SocketExercises.Catalogue.Chat.Client;
using SocketExercises.Catalogue.Chat.Server;
using SocketExercises.Catalogue.Echo.Client;
using SocketExercises.Catalogue.Echo.Server;

if (args is ["--list"])
{
    foreach (var program in CatalogueProgram.All)
    {
        Console.WriteLine($"{program.Exercise} {program.Name}");
    }
    return 0;
}
if (args.Length != 4 || args[2] != "--port" || !int.TryParse(args[3], out int port))
{
    Console.Error.WriteLine($"Usage: Catalogue {string.Join('|', CatalogueProgram.All.Select(p => p.Exercise).Distinct())} <name> --port N");
    return 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

return args[0] switch
{
    Servers.Exercise when Servers.All.TryGetValue(args[1], out var serve) => await ServerHost.RunAsync(port, serve, stopping.Token),
    Clients.Exercise when Clients.All.TryGetValue(args[1], out var client) => await client.Talk(port, stopping.Token),
    AuthServers.Exercise when AuthServers.All.TryGetValue(args[1], out var mistakes) => await AuthServers.RunAsync(port, mistakes, stopping.Token),
    AuthClients.Exercise when AuthClients.All.TryGetValue(args[1], out var logIn) => await logIn.Talk(port, stopping.Token),
    ChatServers.Exercise when ChatServers.All.TryGetValue(args[1], out var chat) => await ChatServers.RunAsync(port, chat, stopping.Token),
    ChatClients.Exercise when ChatClients.All.TryGetValue(args[1], out var chatClient) => await chatClient.Talk(port, stopping.Token),
    ChallengeServers.Exercise when ChallengeServers.All.TryGetValue(args[1], out var challenge) => await ChallengeServers.RunAsync(port, challenge, stopping.Token),
    ChallengeClients.Exercise when ChallengeClients.All.TryGetValue(args[1], out var challengeClient) => await challengeClient.Talk(port, stopping.Token),
    _ => Unknown(args[0], args[1]),
};

static int Unknown(string kind, string name)
{
    Console.Error.WriteLine($"No {kind} named '{name}'.");
    return 2;
}
