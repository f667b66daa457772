using Minutes.Audio;
using Minutes.Tests.Support;

namespace Minutes.Tests.Audio;

/// <summary>
/// Media Foundation exists only on Windows, so its decoding cannot run here; what these tests pin is
/// which decoder a container gets, on Windows and elsewhere, with and without ffmpeg.
/// </summary>
public sealed class ExternalDecoderChoiceTests
{
    [Theory]
    [InlineData("mp4", true, false, ExternalDecoder.MediaFoundation)]
    [InlineData("m4a", true, false, ExternalDecoder.MediaFoundation)]
    [InlineData("wma", true, false, ExternalDecoder.MediaFoundation)]
    [InlineData("flac", true, false, ExternalDecoder.None)]
    [InlineData("webm", true, false, ExternalDecoder.None)]
    [InlineData("mp4", true, true, ExternalDecoder.Ffmpeg)]
    [InlineData("wma", true, true, ExternalDecoder.Ffmpeg)]
    [InlineData("mp4", false, false, ExternalDecoder.None)]
    [InlineData("wma", false, false, ExternalDecoder.None)]
    [InlineData("mp4", false, true, ExternalDecoder.Ffmpeg)]
    [InlineData("flac", false, true, ExternalDecoder.Ffmpeg)]
    public void A_container_goes_to_ffmpeg_when_present_else_to_media_foundation_on_windows(string container, bool windows, bool ffmpeg, ExternalDecoder expected) =>
        Assert.Equal(expected, ExternalDecoderChoice.For(container, windows, ffmpeg));

    [Fact]
    public void The_sniffed_names_of_an_m4a_and_a_flac_are_the_ones_the_choice_knows()
    {
        Assert.Equal("mp4", AudioDecoder.Sniff(RepoPaths.Fixture("audio/sine440.m4a")));
        Assert.Contains("mp4", ExternalDecoderChoice.MediaFoundationContainers);
        Assert.Equal("flac", AudioDecoder.Sniff(RepoPaths.Fixture("audio/sine440.flac")));
        Assert.DoesNotContain("flac", ExternalDecoderChoice.MediaFoundationContainers);
    }
}
