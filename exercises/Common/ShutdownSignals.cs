using System.Runtime.InteropServices;

namespace SocketExercises.Common;

/// <summary>
/// Turns Ctrl+C (SIGINT), SIGTERM and SIGHUP into a cancelled token instead of an abrupt exit, so a server
/// closes its sockets and the grader stops the programs it started before the process ends.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals(CancellationToken outer)
    {
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            .. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal =>
                PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true; // we end the process ourselves, once the work has stopped
                    _stopping.Cancel();
                })),
        ];
    }

    /// <summary>Cancelled when a stop signal arrives.</summary>
    public CancellationToken Token => _stopping.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stopping.Dispose();
    }
}
