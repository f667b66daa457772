using System.Diagnostics;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli;

/// <summary>
/// Shows stage progress: a bar with ETA redrawn in place when stderr is a terminal, plain lines
/// (every 10 %) when it is redirected to a file or a CI log.
/// </summary>
public sealed class ConsoleProgress : IProgress<StageProgress>, IStageObserver
{
    private readonly CliConsole _console;
    private readonly Stopwatch _clock = new();
    private string? _stage;
    private int _lastDecile = -1;
    private long _lastDraw;

    public ConsoleProgress(CliConsole console) => _console = console;

    public void StageStarted(string name)
    {
        _stage = name;
        _lastDecile = -1;
        _clock.Restart();
        if (!_console.ErrorIsTerminal)
        {
            _console.Error.WriteLine(Messages.Get("StageStarted", name));
        }
    }

    public void StageFinished(string name, StageOutcome outcome, TimeSpan elapsed)
    {
        var text = outcome == StageOutcome.Reused
            ? Messages.Get("StageReused", name)
            : Messages.Get("StageDone", name, elapsed.TotalSeconds);
        _console.Error.WriteLine(_console.ErrorIsTerminal ? $"\r{text,-78}" : text);
        _stage = null;
    }

    public void StageWarning(string name, string message)
    {
        var line = Messages.Get("Warning", message);
        _console.Error.WriteLine(_console.ErrorIsTerminal ? $"\r{line,-78}" : line);
    }

    public void StageNote(string name, string message)
    {
        var line = $"minutes: {message}";
        _console.Error.WriteLine(_console.ErrorIsTerminal ? $"\r{line,-78}" : line);
    }

    public void Report(StageProgress value)
    {
        var fraction = Math.Clamp(value.Fraction, 0, 1);
        if (!_console.ErrorIsTerminal)
        {
            var decile = (int)(fraction * 10);
            if (decile > _lastDecile && decile < 10)
            {
                _lastDecile = decile;
                _console.Error.WriteLine($"[{value.Stage}] {decile * 10} %");
            }

            return;
        }

        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 100 && fraction < 1)
        {
            return;
        }

        _lastDraw = now;
        const int width = 30;
        var filled = (int)(fraction * width);
        var eta = fraction > 0.01 ? TimeSpan.FromMilliseconds(now / fraction * (1 - fraction)) : (TimeSpan?)null;
        var etaText = eta is { } e ? $"ETA {e:hh\\:mm\\:ss}" : "ETA --:--:--";
        _console.Error.Write($"\r[{_stage ?? value.Stage}] [{new string('#', filled)}{new string('.', width - filled)}] {fraction * 100,5:0.0} % {etaText} {value.Detail}");
    }
}
