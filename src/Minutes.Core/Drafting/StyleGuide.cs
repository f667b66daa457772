using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// How one style is written, for the LLM: <c>prompts/style-NAME.yaml</c> (NAME as
/// <see cref="DraftStyles.Name"/> writes it) with <c>guide</c> — the same rules the offline drafter
/// follows — and a worked <c>example</c>: a few transcript lines in the compact form
/// (<see cref="CompactTranscript"/>) and the answer expected for them. A style is one more file
/// (and one more value of <see cref="DraftStyle"/>); <c>--prompts DIR</c> overrides it file by
/// file, like the prompt files. The example is checked when it is read: its answer must pass
/// <see cref="DraftAnswerCheck"/> against its own lines, so a worked example never teaches a
/// mistake.
/// </summary>
public sealed record StyleGuide(DraftStyle Style, string Guide, string ExampleTranscript, string ExampleAnswer)
{
    /// <summary>The file name of a style's guide, without folder.</summary>
    public static string FileName(DraftStyle style) => $"style-{style.Name()}.yaml";

    /// <summary>The guide of <paramref name="style"/> from <paramref name="folder"/>, else embedded; null when there is neither.</summary>
    public static StyleGuide? Load(string? folder, DraftStyle style)
    {
        var name = FileName(style);
        var path = folder is null ? null : Path.Combine(folder, name);
        if (path is not null && File.Exists(path))
        {
            return Parse(File.ReadAllText(path), style, path);
        }

        var embedded = $"Minutes.Prompts.{name}";
        return typeof(StyleGuide).Assembly.GetManifestResourceNames().Contains(embedded, StringComparer.Ordinal)
            ? Parse(ResourceLines.EmbeddedText(embedded), style, $"prompts/{name} (embedded)")
            : null;
    }

    public static StyleGuide Parse(string yaml, DraftStyle style, string source)
    {
        var document = PromptFile.Read<Document>(yaml, source);
        if (string.IsNullOrWhiteSpace(document.Guide) || string.IsNullOrWhiteSpace(document.Example?.Transcript) || string.IsNullOrWhiteSpace(document.Example.Answer))
        {
            throw new MinutesException(Messages.Get("StyleGuideIncomplete", source));
        }

        var guide = new StyleGuide(style, document.Guide.Trim(), document.Example.Transcript.Trim(), document.Example.Answer.Trim());
        var lines = CompactTranscript.Read(guide.ExampleTranscript);
        if (lines.Count == 0)
        {
            throw new MinutesException(Messages.Get("StyleExampleNoLines", source));
        }

        if (DraftAnswerCheck.Problem(guide.ExampleAnswer, new AnswerContext(lines, style), out _) is { } problem)
        {
            throw new MinutesException(Messages.Get("StyleExampleUnusable", source, problem.ReplaceLineEndings(" ")));
        }

        return guide;
    }

    /// <summary>The worked example as the system message shows it.</summary>
    public string Example => $"<example>\n{ExampleTranscript}\n<answer>\n{ExampleAnswer}\n</answer>\n</example>";

    private sealed class Document
    {
        public string? Guide { get; set; }

        public ExampleDocument? Example { get; set; }
    }

    private sealed class ExampleDocument
    {
        public string? Transcript { get; set; }

        public string? Answer { get; set; }
    }
}
