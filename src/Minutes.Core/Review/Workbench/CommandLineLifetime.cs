using Microsoft.Extensions.Hosting;

namespace Minutes.Review.Workbench;

/// <summary>
/// The host's lifetime when the command line owns Ctrl+C: the default console lifetime would
/// catch SIGINT and SIGTERM itself, beside the command's own handler, and stop Kestrel behind
/// the command's back. Here the server stops only when the command stops it.
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
