// Usage: Catalogue server|client|auth-server|auth-client <name> --port N
using SocketExercises.Catalogue;

if (args.Length != 4 || args[2] != "--port" || !int.TryParse(args[3], out int port))
{
    Console.Error.WriteLine("Usage: Catalogue server|client|auth-server|auth-client <name> --port N");
    return 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

return args[0] switch
{
    "server" when Servers.All.TryGetValue(args[1], out var serve) => await ServerHost.RunAsync(port, serve, stopping.Token),
    "client" when Clients.All.TryGetValue(args[1], out var talk) => await talk(port, stopping.Token),
    "auth-server" when AuthServers.All.TryGetValue(args[1], out var mistakes) => await AuthServers.RunAsync(port, mistakes, stopping.Token),
    "auth-client" when AuthClients.All.TryGetValue(args[1], out var logIn) => await logIn(port, stopping.Token),
    _ => Unknown(args[0], args[1]),
};

static int Unknown(string kind, string name)
{
    Console.Error.WriteLine($"No {kind} named '{name}'.");
    return 2;
}
