using Minutes.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the running stage to stop at a safe point; the run stays resumable.
    e.Cancel = true;
    cancellation.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await MinutesApp.RunAsync(args, CliConsole.System, cancellation.Token);
