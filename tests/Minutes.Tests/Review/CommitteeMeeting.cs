using Minutes.Drafting;
using Minutes.Json;
using Minutes.Privacy;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Tests.Support;
using NAudio.Wave;

namespace Minutes.Tests.Review;

/// <summary>
/// A complete run folder of a small committee meeting (Fixtures/review): transcript, speakers,
/// sessions and structured minutes with items of every kind, one unsupported statement,
/// personal information, a low-confidence and a dropped segment, a speaker named by inference.
/// The stages are recorded through the real <see cref="StageRunner"/>; the traces themselves
/// come from the fixture files, so that one small run holds every kind of flag at once (no real
/// run of a short recording does) and the review tests do not depend on the diarizer or the
/// drafter. The recording is a tone per segment (a different pitch each), written as a 16 kHz WAV.
/// </summary>
public static class CommitteeMeeting
{
    public static string FixtureFile(string name) => RepoPaths.Fixture(Path.Combine("review", name));

    /// <summary>
    /// The meeting as review and approval see it. They verify every statement again, so the
    /// fixture's stored verdicts alone do not decide: the unsupported statement (m0008) is given
    /// a due month nobody said, and m0007's due date loses the era year (令和9年) the cited
    /// segment does not say, as its stored verdict assumed. (The rendering tests keep the
    /// fixture as it is: their golden files show the stored verdicts.)
    /// </summary>
    public static Task<RunFolder> CreateForReviewAsync(string folder, int confidentiality = 2) =>
        CreateAsync(folder, confidentiality, minutes => WithItem(WithItem(minutes, "m0008", i => i with { Due = "6月" }), "m0007", i => i with { Due = "来年4月" }));

    public static async Task<RunFolder> CreateAsync(string folder, int confidentiality = 2, Func<MinutesDocument, MinutesDocument>? change = null)
    {
        var run = RunFolder.Create(folder, null);
        var transcript = MinutesJson.Deserialize(File.ReadAllText(FixtureFile("03-transcript.json")), MinutesJson.Context.Transcript);
        await Stage(run, StageNames.Audio, [], [RunFolder.DecodedAudio], () => WriteTones(run.PathOf(RunFolder.DecodedAudio), transcript));
        await Stage(run, StageNames.Transcript, [RunFolder.DecodedAudio], [RunFolder.TranscriptTrace], () => Copy(run, "03-transcript.json", RunFolder.TranscriptTrace));
        await Stage(run, StageNames.Speakers, [RunFolder.DecodedAudio, RunFolder.TranscriptTrace], [RunFolder.SpeakersTrace], () => Copy(run, "04-speakers.json", RunFolder.SpeakersTrace));
        await Stage(run, StageNames.Sessions, [RunFolder.TranscriptTrace, RunFolder.SpeakersTrace], [RunFolder.SessionsTrace], () => Copy(run, "05-sessions.json", RunFolder.SessionsTrace));
        await RedraftAsync(run, minutes => (change ?? (m => m))(minutes with { Confidentiality = Confidentiality.From(confidentiality) }));

        // The clerk has decided on the personal information, as approval at level 2 and above requires.
        foreach (var entry in PrivacyDecisions.Review(run).UndecidedPrivate)
        {
            PrivacyDecisions.Record(run, entry.Id, PrivacyDecisionKind.Keep, "clerk", "decided when the fixture was made", DateTimeOffset.UnixEpoch);
        }

        return run;
    }

    /// <summary>
    /// Runs the draft stage again as the drafting stage would after a corrected transcript: it
    /// reads 03–05 and writes a new 07 (here: the current one changed by <paramref name="change"/>).
    /// </summary>
    public static Task RedraftAsync(RunFolder run, Func<MinutesDocument, MinutesDocument> change)
    {
        var current = run.Exists(RunFolder.MinutesTrace) ? run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument) : Minutes();
        return Stage(
            run,
            StageNames.Draft,
            [RunFolder.TranscriptTrace, RunFolder.SpeakersTrace, RunFolder.SessionsTrace],
            [RunFolder.MinutesTrace],
            () => run.Write(RunFolder.MinutesTrace, change(current), MinutesJson.Context.MinutesDocument));
    }

    /// <summary>The minutes with one statement changed.</summary>
    public static MinutesDocument WithItem(MinutesDocument minutes, string id, Func<MinutesItem, MinutesItem> change) => minutes with
    {
        Sections = minutes.Sections.Select(s => s with { Items = s.Items.Select(i => i.Id == id ? change(i) : i).ToList() }).ToList(),
    };

    public static MinutesDocument Minutes() =>
        MinutesJson.Deserialize(File.ReadAllText(FixtureFile("07-minutes.json")), MinutesJson.Context.MinutesDocument);

    private static void Copy(RunFolder run, string fixture, string target) => run.WriteText(target, File.ReadAllText(FixtureFile(fixture)));

    private static Task Stage(RunFolder run, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, Action write) =>
        new StageRunner(run, resume: false).RunAsync(
            new StageDefinition(name, new Dictionary<string, string> { ["fixture"] = "committee" }, inputs, outputs),
            _ =>
            {
                write();
                return Task.CompletedTask;
            },
            CancellationToken.None);

    private static void WriteTones(string path, Minutes.Transcription.Transcript transcript)
    {
        const int rate = 16000;
        var duration = transcript.Segments.Max(s => s.End) + 2;
        var samples = new float[(int)(duration * rate)];
        foreach (var (segment, index) in transcript.Segments.Select((s, i) => (s, i)))
        {
            var pitch = 220.0 * Math.Pow(2, index / 12.0);
            for (var n = (int)(segment.Start * rate); n < (int)(segment.End * rate) && n < samples.Length; n++)
            {
                samples[n] = (float)(0.2 * Math.Sin(2 * Math.PI * pitch * n / rate));
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new WaveFileWriter(path, new WaveFormat(rate, 16, 1));
        writer.WriteSamples(samples, 0, samples.Length);
    }
}
