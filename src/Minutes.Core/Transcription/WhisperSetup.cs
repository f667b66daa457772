using Minutes.Models;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Transcription;

/// <summary>Turns the transcript stage's options into <see cref="WhisperSettings"/>: the model resolved to a file, the glossary read.</summary>
public static class WhisperSetup
{
    public static WhisperSettings Resolve(WhisperOptions options, ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        options.Check();

        return new WhisperSettings
        {
            ModelPath = options.Choice is { } choice ? ModelStore.CheckWhisper(choice.Path) : store.ResolveWhisperModel(options.IsAuto ? null : options.Model),
            ModelName = options.Choice?.Model ?? (options.IsAuto ? null : options.Model),
            Choice = options.Choice,
            Language = options.Language,
            Prompt = Glossary(options)?.Prompt,
            Threads = options.Threads,
            Processors = options.Processors,
            Decoding = options.Fast ? WhisperDecoding.Greedy : new WhisperDecoding { BeamSize = options.BeamSize ?? WhisperDecoding.DefaultBeamSize },
        };
    }

    /// <summary>The prompt from <c>--glossary</c>, else from <c>glossary</c> in <c>minutes.json</c>; null when neither is given.</summary>
    public static GlossaryPrompt? Glossary(WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Glossary is not null)
        {
            return GlossaryPrompt.From(ReadGlossaryTerms(options.Glossary));
        }

        var terms = options.GlossaryTerms?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return terms is { Count: > 0 } ? GlossaryPrompt.From(terms) : null;
    }

    /// <summary>
    /// The options with the <c>--glossary</c> file read into <see cref="WhisperOptions.GlossaryTerms"/>
    /// (it overrides minutes.json's terms): a run reads the file once, for the warning that it was cut
    /// and for the transcriber's prompt.
    /// </summary>
    public static WhisperOptions ReadGlossary(WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Glossary is null ? options : options with { Glossary = null, GlossaryTerms = ReadGlossaryTerms(options.Glossary) };
    }

    /// <summary>
    /// A glossary is one proper noun per line ('#' starts a comment). Whisper reads it as text
    /// that came before, so the nouns are joined as a Japanese list.
    /// </summary>
    public static IReadOnlyList<string> ReadGlossaryTerms(string path)
    {
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("GlossaryNotFound", path));
        }

        var terms = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (terms.Count == 0)
        {
            throw new MinutesException(Messages.Get("GlossaryEmpty", path));
        }

        return terms;
    }
}
