using System.Globalization;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// How speeds and their estimates read in the choice line, <c>models measure</c> and <c>doctor</c>:
/// messages, so that doctor --json gives them in English and the console in the user's language.
/// </summary>
public static class SpeedText
{
    /// <summary>"4 h 9 min", "2 h", "44 min", "20 s" (rounded to the minute above a minute).</summary>
    public static Message Duration(double seconds)
    {
        if (seconds < 60)
        {
            return Messages.Of("DurationSeconds", Math.Round(seconds).ToString(CultureInfo.InvariantCulture));
        }

        var minutes = (long)Math.Round(seconds / 60);
        return minutes < 60 ? Messages.Of("DurationMinutes", minutes)
            : minutes % 60 == 0 ? Messages.Of("DurationHours", minutes / 60)
            : Messages.Of("DurationHoursMinutes", minutes / 60, minutes % 60);
    }

    /// <summary>The time <paramref name="speed"/> predicts for <paramref name="audioSeconds"/>, "more than …" when its measurement was cut short.</summary>
    public static Message Estimate(ModelSpeed speed, double audioSeconds)
    {
        ArgumentNullException.ThrowIfNull(speed);
        var duration = Duration(speed.Estimate(audioSeconds));
        return speed.Finished ? duration : Messages.Of("SpeedMoreThan", duration);
    }

    /// <summary>"beam 5, 2 threads, 1 processor(s)".</summary>
    public static Message Settings(SpeedConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var decoding = conditions.BeamSize > 1 ? Messages.Of("SpeedBeam", conditions.BeamSize) : Messages.Of("SpeedGreedy");
        return Messages.Of("SpeedSettings", decoding, conditions.Threads, conditions.Processors);
    }

    /// <summary>"RTF 0.370 (beam 5, 2 threads, 1 processor(s)), measured 2026-11-30".</summary>
    public static Message Measured(ModelSpeed speed)
    {
        ArgumentNullException.ThrowIfNull(speed);
        var rtf = speed.Rtf.ToString("0.000", CultureInfo.InvariantCulture);
        return Messages.Of(speed.Finished ? "SpeedMeasured" : "SpeedMeasuredCut", rtf, Settings(speed.Conditions), speed.MeasuredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
