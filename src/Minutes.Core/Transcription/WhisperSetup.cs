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
        return new WhisperSettings
        {
            ModelPath = store.ResolveWhisperModel(options.Model),
            ModelName = options.Model,
            Language = options.Language,
            Prompt = options.Glossary is null ? null : ReadGlossary(options.Glossary),
            Threads = options.Threads,
        };
    }

    /// <summary>
    /// A glossary is one proper noun per line ('#' starts a comment). Whisper reads it as text
    /// that came before, so the nouns are joined as a Japanese list.
    /// </summary>
    public static string ReadGlossary(string path)
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

        // Whisper's prompt is limited to about 224 tokens; the first terms win.
        var prompt = string.Join('、', terms);
        return prompt.Length > 400 ? prompt[..400] : prompt;
    }
}
