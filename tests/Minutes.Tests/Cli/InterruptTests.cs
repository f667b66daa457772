using System.Diagnostics;
using Minutes.Cli;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Cli;

/// <summary>
/// Ctrl+C: the first stops at a safe point, a second one during that stop leaves at once with one
/// line and exit 130, leaving what the run holds as it was. Once on the handler itself, once on the
/// real process with real SIGINTs while it is blocked opening a FIFO (a read no token can stop).
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_first_interrupt_cancels_the_command_and_the_second_exits_130_with_one_line()
    {
        using var cancellation = new CancellationTokenSource();
        using var error = new StringWriter();
        var exits = new List<int>();
        var interrupts = new Interrupts(cancellation, error, exits.Add);

        interrupts.Interrupt();
        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(exits);
        Assert.Equal(string.Empty, error.ToString());

        interrupts.Interrupt();
        interrupts.Interrupt();
        Assert.Equal([ExitCodes.Cancelled, ExitCodes.Cancelled], exits);
        Assert.Equal(Enumerable.Repeat(Messages.Get("InterruptedAgain"), 2), error.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_interrupt_after_the_command_ended_is_harmless()
    {
        var cancellation = new CancellationTokenSource();
        cancellation.Dispose();
        var interrupts = new Interrupts(cancellation, TextWriter.Null, _ => Assert.Fail("no exit on the first interrupt"));

        interrupts.Interrupt();
    }

    [SkippableFact]
    public async Task A_second_ctrl_c_during_a_read_that_cannot_stop_exits_130_at_once_and_leaves_the_run_as_it_was()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is sent with kill(1), the blocked read is a FIFO (mkfifo)");
        var model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["ただいま", "から", "委員会", "を", "開会", "します"]);
        var recording = _temp.File("rec.wav");
        SpeechClip.Write(recording, 0, 6.4);
        var run = _temp.File("run");
        string[] args = ["transcribe", recording, "-o", run, "--model", model, "--energy-vad", "--threads", "1", "--offline"];
        var first = await CliRunner.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = Snapshot(run);
        // The recording becomes a FIFO nobody writes to: resuming opens it to check its digest, and
        // that open blocks in the kernel, where no cancellation token reaches.
        File.Delete(recording);
        using (var fifo = Process.Start("mkfifo", [recording]))
        {
            await fifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, fifo.ExitCode);
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "minutes.dll"));
        foreach (var arg in args.Append("--resume"))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[Messages.EnvironmentVariable] = "en";
        var error = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => Keep(error, e.Data);
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await BlockedAsync(process);
            Assert.False(process.HasExited, "the command ended before it could be interrupted: " + string.Join(" | ", error));
            Signal(process.Id);
            await Task.Delay(TimeSpan.FromSeconds(1));
            // The first Ctrl+C asked for a stop the blocked open cannot make.
            Assert.False(process.HasExited, "the first Ctrl+C ended the command: " + string.Join(" | ", error));
            var second = Stopwatch.StartNew();
            Signal(process.Id);
            using var exited = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(exited.Token);
            // After the exit, the redirected streams are read to their end.
            process.WaitForExit();

            Assert.True(second.Elapsed < TimeSpan.FromSeconds(10), $"{second.Elapsed} after the second Ctrl+C");
            Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(Messages.Get("InterruptedAgain"), error.Last());
        Assert.DoesNotContain(error, l => l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.Empty(output);
        Assert.Equal(before, Snapshot(run));
    }

    /// <summary>
    /// Waits until the process has started and then used no processor time for a second: blocked in
    /// the open, with its Ctrl+C handler in place. A fixed wait failed on a loaded machine, where
    /// starting dotnet took longer than it (the first signal then met the runtime's default action).
    /// </summary>
    private static async Task BlockedAsync(Process process)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.MinValue;
        var still = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1) && !process.HasExited)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            process.Refresh();
            var used = process.TotalProcessorTime;
            if (used != last)
            {
                last = used;
                still.Restart();
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(2) && still.Elapsed > TimeSpan.FromSeconds(1))
            {
                return;
            }
        }
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    /// <summary>Every file of the run with its digest.</summary>
    private static Dictionary<string, string> Snapshot(string run) =>
        Directory.GetFiles(run, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(run, f), Hashing.Sha256OfFile);

    private static void Signal(int pid)
    {
        using var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(TimeSpan.FromSeconds(10));
        Assert.Equal(0, kill.ExitCode);
    }
}
