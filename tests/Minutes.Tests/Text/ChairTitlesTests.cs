using Minutes.Drafting;
using Minutes.Sessions;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Tests.Text;

/// <summary>The chair titles are one list: the procedure cues, the session cues and the meeting kinds all read it.</summary>
public sealed class ChairTitlesTests
{
    [Fact]
    public void Every_chair_title_is_a_chair_to_the_procedure_classifier_and_the_session_segmenter_and_no_cue_file_lists_them_again()
    {
        Assert.Contains("教育長", ChairTitles.All);
        Assert.Contains("部会長", ChairTitles.All);
        Assert.Equal(ChairTitles.All, ProcedureClassifier.ChairRoles);
        Assert.All(ChairTitles.All, t => Assert.True(CueTable.Default.IsChairName(t), t));
        Assert.True(CueTable.Default.IsChairName("司会"));
        Assert.False(CueTable.Default.IsChairName("田中委員"));
        foreach (var resource in new[] { "Minutes.Drafting.procedure-cues.tsv", "Minutes.Sessions.session-cues.tsv", "Minutes.Drafting.meeting-kinds.tsv" })
        {
            var lines = ResourceLines.Embedded(resource).ToList();
            Assert.All(ChairTitles.All, t => Assert.DoesNotContain(lines, l => l.Contains(t, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("議長", MeetingKind.Plenary)]
    [InlineData("総務委員長", MeetingKind.Committee)]
    [InlineData("座長", MeetingKind.Council)]
    [InlineData("部会長", MeetingKind.Council)]
    public void A_speaker_with_a_chair_title_tells_the_kind_of_meeting_from_the_same_list(string speaker, MeetingKind kind)
    {
        var transcript = new Transcript("ja", new TranscriptSource("test", "t"), new Dictionary<string, string>(), [new TranscriptSegment("s0001", 0, 1, "ただいまから始めます。", speaker)], []);

        var choice = MeetingKinds.Choose(MeetingInfo.Empty, transcript, [speaker], new SessionPlan("none", new Dictionary<string, string>(), [], []));

        Assert.Equal(kind, choice.Kind);
        Assert.Contains(speaker, choice.Reason, StringComparison.Ordinal);
    }
}
