using Minutes.Cli;
using Minutes.Runs;

using var cancellation = new CancellationTokenSource();
var interrupts = 0;
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the running stage to stop at a safe point; the run stays resumable.
    e.Cancel = true;
    if (Interlocked.Increment(ref interrupts) > 1)
    {
        // The second one is for a step that cannot stop at a safe point (native code): leave now,
        // with one line and the cancelled exit code, never a stack trace.
        Console.Error.WriteLine(Minutes.Text.Messages.Get("InterruptedAgain"));
        Environment.Exit(ExitCodes.Cancelled);
    }

    cancellation.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await MinutesApp.RunAsync(args, CliConsole.System, cancellation.Token);
