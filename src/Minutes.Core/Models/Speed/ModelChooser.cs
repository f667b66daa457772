using System.Globalization;
using Minutes.Runs;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Models;

/// <summary>
/// <c>--model auto</c>: the most accurate installed catalog model (<see cref="ModelCatalog.AccuracyRank"/>)
/// whose measured speed on this machine finishes the recording within
/// <see cref="WhisperOptions.MaxRtf"/> × its length; when none does, the fastest. A model not yet
/// measured under the run's conditions is measured first (and said so), each measurement bounded
/// by the time within which it could still fit; the measurements are kept in <see cref="ModelSpeeds"/>.
/// </summary>
public sealed class ModelChooser(ModelStore store)
{
    /// <summary>Allowed on top of the clip's time budget for loading a model when a choice measures it.</summary>
    public static TimeSpan LoadAllowance { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Chooses for a recording of <paramref name="recordingSeconds"/> of which <paramref name="speechSeconds"/>
    /// go to Whisper (the chunks' length): a model fits when its RTF × the speech is within the target.
    /// </summary>
    public async Task<ModelChoice> ChooseAsync(WhisperOptions options, double recordingSeconds, double speechSeconds, Action<string>? say, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var candidates = Candidates(options.Language);
        if (candidates.Count == 0)
        {
            throw new MinutesException(Messages.Get("NoWhisperModel", store.Folder, ModelCatalog.DefaultWhisper));
        }

        var conditions = SpeedConditions.For(options);
        var budget = options.MaxRtf * recordingSeconds;
        var recording = SpeedText.Duration(recordingSeconds);
        var target = options.MaxRtf.ToString("0.##", CultureInfo.InvariantCulture);
        if (speechSeconds <= 0)
        {
            return Choice(candidates[0], options, recordingSeconds, 0, Messages.Get("AutoNoSpeech", candidates[0].Name));
        }

        // The RTF at which a model still fits, and so how long measuring it may take before it cannot.
        var limit = TimeSpan.FromSeconds(budget / speechSeconds * ModelSpeedMeter.ClipSeconds) + LoadAllowance;
        var speeds = ModelSpeeds.Load(store);
        var seen = new List<(InstalledModel Model, ModelSpeed Speed)>();
        foreach (var model in candidates)
        {
            var sha256 = FileDigestMemo.Sha256OfFile(model.Path, cancellationToken);
            var speed = speeds.Find(sha256, conditions);
            // A measurement cut short only says "slower than"; it settles the question when that is already too slow.
            if (speed is null || (!speed.Finished && speed.Estimate(speechSeconds) <= budget))
            {
                say?.Invoke(Messages.Get("AutoMeasuring", model.Name, ModelSpeedMeter.ClipSeconds));
                speed = await ModelSpeedMeter.MeasureAsync(model.Name, model.Path, conditions, limit, cancellationToken).ConfigureAwait(false);
                speeds = speeds.Save(store, speed);
            }

            if (speed.Finished && speed.Estimate(speechSeconds) <= budget)
            {
                var takes = SpeedText.Estimate(speed, speechSeconds);
                var reason = seen.Count == 0
                    ? Messages.Get("AutoFitsBest", model.Name, takes, recording, target)
                    : Messages.Get("AutoFitsAfter", seen[^1].Model.Name, SpeedText.Estimate(seen[^1].Speed, speechSeconds), recording, model.Name, takes, target);
                return Choice(model, options, recordingSeconds, speed.Estimate(speechSeconds), reason);
            }

            seen.Add((model, speed));
        }

        var fastest = seen.MinBy(s => s.Speed.Rtf);
        return Choice(
            fastest.Model,
            options,
            recordingSeconds,
            fastest.Speed.Estimate(speechSeconds),
            Messages.Get("AutoNoneFits", recording, target, fastest.Model.Name, SpeedText.Estimate(fastest.Speed, speechSeconds)));
    }

    /// <summary>The installed catalog Whisper models that can transcribe <paramref name="language"/>, the most accurate first.</summary>
    public IReadOnlyList<InstalledModel> Candidates(string language) =>
        store.Installed()
            .Where(m => m is { Kind: ModelKind.Whisper, Source: not null } && (language == "en" || !m.Source.Name.Contains(".en", StringComparison.Ordinal)))
            .Where(m => GgmlModelHeader.Inspect(m.Path).Kind == GgmlModelKind.Whisper)
            .OrderBy(m => ModelCatalog.AccuracyRank(m.Source!))
            .ToList();

    private static ModelChoice Choice(InstalledModel model, WhisperOptions options, double recordingSeconds, double estimate, string reason) =>
        new(model.Name, model.Path, options.MaxRtf, Math.Round(recordingSeconds, 3), Math.Round(estimate, 1), reason);
}
