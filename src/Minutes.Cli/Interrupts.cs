using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli;

/// <summary>
/// What Ctrl+C does. The first asks the running stage to stop at a safe point (the command's
/// cancellation): the run stays resumable and the command ends with exit 130. A second one, while
/// that stop is still under way (a step in native code finishes its chunk first), leaves at once:
/// one line, exit 130, never a stack trace; what the stages wrote is only ever replaced whole
/// (<see cref="AtomicFile"/>), so the run resumes from its last checkpoint.
/// </summary>
internal sealed class Interrupts(CancellationTokenSource cancellation, TextWriter error, Action<int> exit)
{
    private int _count;

    /// <summary>Ctrl+C was pressed: cancel the first time, exit the second.</summary>
    public void Interrupt()
    {
        if (Interlocked.Increment(ref _count) > 1)
        {
            error.WriteLine(Messages.Get("InterruptedAgain"));
            error.Flush();
            exit(ExitCodes.Cancelled);
            return;
        }

        Cancel(cancellation);
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command had already ended.
        }
        catch (AggregateException)
        {
            // A callback failed; the command sees the cancellation all the same.
        }
    }
}
