using Minutes.Models;
using Minutes.Pipeline;
using Minutes.Runs;

namespace Minutes.Transcription;

/// <summary>Turns the command line's transcription options into <see cref="WhisperOptions"/>.</summary>
public static class WhisperSetup
{
    public static WhisperOptions FromOptions(TranscribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WhisperOptions
        {
            ModelPath = ModelStore.FromEnvironment().ResolveWhisperModel(options.Model),
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
            throw new MinutesException($"Glossary file not found: {path}");
        }

        var terms = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (terms.Count == 0)
        {
            throw new MinutesException($"The glossary '{path}' has no terms.");
        }

        // Whisper's prompt is limited to about 224 tokens; the first terms win.
        var prompt = string.Join('、', terms);
        return prompt.Length > 400 ? prompt[..400] : prompt;
    }
}
