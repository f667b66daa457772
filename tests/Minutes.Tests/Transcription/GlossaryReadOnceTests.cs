using Minutes.Transcription;
using Minutes.Tests.Support;

namespace Minutes.Tests.Transcription;

/// <summary>A run reads the --glossary file once: the warning that it was cut and the transcriber's prompt share what was read.</summary>
public sealed class GlossaryReadOnceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_glossary_file_read_once_gives_the_prompt_without_the_file_and_overrides_the_configured_terms()
    {
        var path = _temp.File("glossary.txt");
        File.WriteAllLines(path, ["# 固有名詞", "山本", "北町", "山本"]);
        var options = new WhisperOptions { Glossary = path, GlossaryTerms = ["設定の語"] };
        var direct = WhisperSetup.Glossary(options)!.Prompt;

        var read = WhisperSetup.ReadGlossary(options);
        File.Delete(path);

        Assert.Equal(["山本", "北町"], read.GlossaryTerms);
        Assert.Equal(direct, WhisperSetup.Glossary(read)!.Prompt);
        Assert.Same(read, WhisperSetup.ReadGlossary(read));
    }
}
