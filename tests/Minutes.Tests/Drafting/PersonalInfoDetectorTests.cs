using Minutes.Drafting;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Drafting;

/// <summary>Personal information as people really say it: one case a line in Fixtures/pii/findings.tsv.</summary>
public sealed class PersonalInfoDetectorTests
{
    public static TheoryData<string, string> Cases => SpecFile.Pairs("pii/findings.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_class_of_personal_information_is_found_as_said_and_nothing_else(string utterance, string expected)
    {
        var found = PersonalInfoDetector.Scan(utterance.Normalize(System.Text.NormalizationForm.FormKC)).Select(f => $"{f.Kind}:{f.Text}");

        Assert.Equal(expected, string.Join(';', found));
    }

    [Fact]
    public void A_name_heard_once_with_its_honorific_is_found_wherever_it_is_said_without_it()
    {
        var transcript = Transcript(("s1", "佐々木さん、お願いします。"), ("s2", "それについては佐々木から説明します。"), ("s3", "別の件です。"));

        var findings = PersonalInfoDetector.Find(transcript, [], "masked");

        Assert.Equal(["s1:佐々木", "s2:佐々木"], findings.Select(f => $"{f.SegmentId}:{f.Text}"));
    }

    [Fact]
    public void The_roster_and_the_personal_part_of_speaker_names_are_found_in_the_text()
    {
        var transcript = Transcript(("s1", "山田から一点。"), ("s2", "高橋健一でございます。"));

        var findings = PersonalInfoDetector.Find(transcript, ["高橋健一"], "masked", ["山田委員", "委員長"]);

        Assert.Equal(["s1:山田", "s2:高橋健一"], findings.Select(f => $"{f.SegmentId}:{f.Text}"));
    }

    private static Transcript Transcript(params (string Id, string Text)[] segments) =>
        new("ja", new TranscriptSource("import", "test"), new Dictionary<string, string>(), segments.Select((s, i) => new TranscriptSegment(s.Id, i, i + 1, s.Text)).ToList(), []);
}
