using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription.Import;

namespace Minutes.Tests.Sessions;

public sealed class SessionsStageTests
{
    [Fact]
    public async Task The_stage_reads_03_and_04_records_the_agenda_and_is_reused_on_resume_until_the_agenda_changes()
    {
        using var temp = new TempFolder();
        var run = RunFolder.Create(temp.File("run"), null);
        var imported = TranscriptImporter.Read(SessionSegmenterTests.Fixture("committee.txt"));
        run.Write(RunFolder.TranscriptTrace, imported.Transcript, MinutesJson.Context.Transcript);
        run.Write(RunFolder.SpeakersTrace, imported.Speakers!, MinutesJson.Context.SpeakerMap);
        var agenda = temp.File("agenda.txt");
        File.Copy(SessionSegmenterTests.Fixture("committee.agenda.txt"), agenda);
        var options = new SessionOptions { Agenda = agenda };

        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(new SessionsStage(options), default));
        Assert.Equal(StageOutcome.Reused, await new StageRunner(run, resume: true).RunAsync(new SessionsStage(options), default));
        File.AppendAllText(agenda, "# changed\n");
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(new SessionsStage(options), default));

        var record = run.LoadManifest().Stage(StageNames.Sessions)!;
        Assert.Equal([RunFolder.TranscriptTrace, RunFolder.SpeakersTrace, agenda], record.Inputs.Select(i => i.Path));
        Assert.Equal(RunFolder.SessionsTrace, Assert.Single(record.Outputs).Path);
        var plan = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        Assert.Equal(6, plan.Sessions.Count);
        Assert.Equal(imported.Transcript.Segments.Select(s => s.Id), plan.Sessions.SelectMany(s => s.SegmentIds));
    }

    [Fact]
    public async Task Without_a_transcript_the_stage_says_which_artifact_is_missing()
    {
        using var temp = new TempFolder();
        var run = RunFolder.Create(temp.File("run"), null);

        var error = await Assert.ThrowsAsync<MinutesException>(() => new StageRunner(run, resume: false).RunAsync(new SessionsStage(new SessionOptions()), default));

        Assert.Equal("The run has no trace/03-transcript.json; run the stage that writes it first.", error.Message);
    }
}
