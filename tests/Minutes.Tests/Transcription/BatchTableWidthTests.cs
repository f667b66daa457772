using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Transcription;

/// <summary>
/// The batch summary with Japanese file names, under Japanese and English headers: every column
/// starts at the same terminal column on every line, a kanji or kana counted two columns wide
/// (real decoder, energy detector, crafted Whisper model, offline drafter).
/// </summary>
[Collection(nameof(Models.EnvironmentCollection))]
public sealed class BatchTableWidthTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _model;
    private readonly string _folder;

    public BatchTableWidthTests()
    {
        _model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(_model, ["ただいま", "から", "委員会", "を", "開会", "します"]);
        _folder = _temp.File("recordings");
        Directory.CreateDirectory(_folder);
        SpeechClip.Write(Path.Combine(_folder, "午前の部.wav"), 0, 6.4);
        File.WriteAllText(Path.Combine(_folder, "b壊れた録音.wav"), "this is not a recording");
        File.WriteAllText(Path.Combine(_folder, "c.wav"), "nor is this");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_summary_columns_line_up_in_a_terminal_with_japanese_names(string language)
    {
        using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);
        var runs = _temp.File($"runs-{language}");

        var result = await CliRunner.RunAsync("transcribe", "--batch", _folder, "-o", runs, "--model", _model, "--energy-vad", "--threads", "2", "--offline");

        Assert.Equal(2, result.ExitCode);
        var table = result.Out.ReplaceLineEndings("\n").Split('\n')[..4];
        Assert.Equal(["b壊れた録音.wav", "c.wav", "午前の部.wav"], table[1..].Select(l => l.Split(' ')[0]).Order(StringComparer.Ordinal));
        // Each run folder cell starts where the header's second column does, counted in terminal columns.
        var column = DisplayWidth.Of(table[0][..table[0].IndexOf(Messages.Get("BatchColumns").Split(' ')[1], StringComparison.Ordinal)]);
        Assert.All(table[1..], line => Assert.Equal(column, DisplayWidth.Of(line[..line.IndexOf(runs, StringComparison.Ordinal)])));
        // And the status column too: the run folders are as long as each other but for the names in them.
        var status = DisplayWidth.Of(table[0][..table[0].IndexOf(Messages.Get("BatchColumns").Split(' ')[2], StringComparison.Ordinal)]);
        Assert.All(table[1..], line => Assert.Equal(status, DisplayWidth.Of(line[..line.IndexOf(line.Contains(Messages.Get("BatchStatusDone"), StringComparison.Ordinal) ? Messages.Get("BatchStatusDone") : Messages.Get("BatchStatusFailed"), StringComparison.Ordinal)])));
    }
}
