using System.Text.Json;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;

namespace Minutes.Tests.Policy;

public sealed class ConfidentialityTests
{
    [Theory]
    [InlineData(1, false, 1)]
    [InlineData(2, true, 1)]
    [InlineData(3, true, 2)]
    public void Each_level_says_whether_it_masks_and_how_many_reviewers_it_needs(int level, bool masks, int reviewers)
    {
        var confidentiality = Confidentiality.From(level);

        Assert.Equal((level, masks, reviewers), (confidentiality.Level, confidentiality.MasksBeforeSending, confidentiality.RequiredReviewers));
    }

    [Theory]
    [InlineData("https://llm.example.org/v1", true, true, false)]
    [InlineData("http://127.0.0.1:8080/v1", true, true, true)]
    [InlineData("http://localhost:11434", true, true, true)]
    [InlineData("http://[::1]:8000/v1", true, true, true)]
    [InlineData("http://192.168.1.20:8000/v1", true, true, false)]
    [InlineData("http://0.0.0.0:8000/v1", true, true, false)]
    [InlineData("http://[::]:8000/v1", true, true, false)]
    [InlineData("http://localhost.example.org:8000/v1", true, true, false)]
    public void Only_level_3_keeps_the_transcript_on_a_loopback_endpoint(string endpoint, bool level1, bool level2, bool level3)
    {
        var uri = new Uri(endpoint);

        Assert.Equal((level1, level2, level3), (Confidentiality.Open.AllowsEndpoint(uri), Confidentiality.Masked.AllowsEndpoint(uri), Confidentiality.LocalOnly.AllowsEndpoint(uri)));
    }

    [Theory]
    [InlineData("llm.example.jp", true, false, false)]
    [InlineData("api.openai.com:443", true, false, false)]
    [InlineData("127.0.0.1:8080", false, false, false)]
    [InlineData("localhost:11434", false, false, false)]
    public void Only_level_1_warns_and_only_of_a_remote_host(string host, bool level1, bool level2, bool level3) =>
        Assert.Equal(
            (level1, level2, level3),
            (Confidentiality.Open.WarnsOfUnmaskedSending(host), Confidentiality.Masked.WarnsOfUnmaskedSending(host), Confidentiality.LocalOnly.WarnsOfUnmaskedSending(host)));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void A_level_other_than_1_2_or_3_is_one_clear_line(int level)
    {
        var error = Assert.Throws<MinutesException>(() => Confidentiality.From(level));

        Assert.Equal($"confidentiality must be 1, 2 or 3, not {level}.", error.Message);
        Assert.False(Confidentiality.TryFrom(level, out _));
    }

    [Fact]
    public void The_default_value_is_level_1_never_an_invalid_level_0()
    {
        Assert.Equal(1, default(Confidentiality).Level);
        Assert.Equal(Confidentiality.Default, default);
        Assert.Equal(Confidentiality.Open, new DraftOptions().Confidentiality);
    }

    [Fact]
    public void In_json_a_level_is_the_plain_number_and_the_style_and_drafter_keep_their_names()
    {
        var minutes = new MinutesDocument(new MinutesHeader("会議", null, null, [], []), DraftStyle.Verbatim, new DrafterInfo(DrafterKind.Llm, "m"), Confidentiality.LocalOnly, [], []);

        var json = MinutesJson.Serialize(minutes, MinutesJson.Context.MinutesDocument);

        Assert.Contains("\"style\": \"verbatim\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"llm\"", json, StringComparison.Ordinal);
        Assert.Contains("\"confidentiality\": 3", json, StringComparison.Ordinal);
        Assert.Equal(minutes.Confidentiality, MinutesJson.Deserialize(json, MinutesJson.Context.MinutesDocument).Confidentiality);
        var tampered = json.Replace("\"confidentiality\": 3", "\"confidentiality\": 7", StringComparison.Ordinal);
        Assert.Contains("must be 1, 2 or 3, not 7", Assert.Throws<JsonException>(() => MinutesJson.Deserialize(tampered, MinutesJson.Context.MinutesDocument)).Message, StringComparison.Ordinal);
    }
}
