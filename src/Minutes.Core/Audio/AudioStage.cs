using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Audio;

/// <summary>
/// The audio stage: decodes the recording into <c>work/audio-16k.wav</c> and describes it in
/// <c>trace/01-audio.json</c>. Used by <c>transcribe</c> and by <c>import --audio</c>, so that an
/// imported transcript can still be played on the review page and diarized. Several recordings
/// of one meeting are joined in the order given (<see cref="AudioJoin"/>).
/// </summary>
public sealed class AudioStage : IStage
{
    private readonly IAudioDecoder _decoder;
    private readonly IReadOnlyList<SourceFile> _recordings;
    private readonly IProgress<double>? _progress;

    public AudioStage(IAudioDecoder decoder, IReadOnlyList<SourceFile> recordings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        if (recordings.Count == 0)
        {
            throw new ArgumentException("The audio stage needs at least one recording.", nameof(recordings));
        }

        _decoder = decoder;
        _recordings = recordings;
        _progress = progress;
    }

    public AudioStage(IAudioDecoder decoder, SourceFile recording, IProgress<double>? progress = null)
        : this(decoder, [recording], progress)
    {
    }

    public StageDefinition Define(RunFolder run) => new(
        StageNames.Audio,
        new Dictionary<string, string> { ["sampleRate"] = "16000", ["channels"] = "1" },
        _recordings.Select(r => r.Path).ToList(),
        [RunFolder.AudioTrace, RunFolder.DecodedAudio, RunFolder.ChannelLevels]);

    public async Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pcm = run.PathOf(RunFolder.DecodedAudio);
        // Levels of an earlier recording must never describe this one.
        if (run.Exists(RunFolder.ChannelLevels))
        {
            File.Delete(run.PathOf(RunFolder.ChannelLevels));
        }
        var info = _recordings.Count == 1
            ? (await _decoder.DecodeAsync(_recordings[0].Path, pcm, _progress, cancellationToken).ConfigureAwait(false)) with { SourceSha256 = _recordings[0].Sha256 }
            : await AudioJoin.DecodeAsync(_decoder, _recordings, pcm, _progress, cancellationToken).ConfigureAwait(false);
        var levels = run.Exists(RunFolder.ChannelLevels) ? RunFolder.ChannelLevels : null;
        run.Write(RunFolder.AudioTrace, info with { DecodedFile = RunFolder.DecodedAudio, ChannelLevelsFile = levels }, MinutesJson.Context.AudioInfo);
    }
}
