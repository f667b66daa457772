using Minutes.Cli;

using var cancellation = new CancellationTokenSource();
var interrupts = new Interrupts(cancellation, Console.Error, Environment.Exit);
Console.CancelKeyPress += (_, e) =>
{
    // Never the runtime's default (end the process at once): Interrupts decides.
    e.Cancel = true;
    interrupts.Interrupt();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await MinutesApp.RunAsync(args, CliConsole.System, cancellation.Token);
