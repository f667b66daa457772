using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Minutes.Runs;
using Minutes.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Minutes.Drafting;

/// <summary>
/// A prompt file in Semantic Kernel's YAML form (<c>name</c>, <c>description</c>,
/// <c>template_format</c>, <c>input_variables</c>, <c>template</c>), from <c>--prompts DIR</c> or
/// embedded. A template may use only the variables the drafter fills — the meeting and session
/// titles, the style, and the style's guide and worked example (<see cref="StyleGuide"/>) — and
/// no function calls: the transcript never passes through it.
/// </summary>
public sealed partial record PromptFile(string Name, string Description, string Template)
{
    public static readonly IReadOnlySet<string> Variables = new HashSet<string>(StringComparer.Ordinal) { "meeting", "session", "style", "guide", "example" };

    /// <summary>Reads <c>NAME.yaml</c> from <paramref name="folder"/>, else the embedded default.</summary>
    public static PromptFile Load(string? folder, string name)
    {
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new MinutesException(Messages.Get("PromptFolderNotFound", folder));
        }

        var path = folder is null ? null : Path.Combine(folder, $"{name}.yaml");
        return path is not null && File.Exists(path) ? Parse(File.ReadAllText(path), path) : Parse(Embedded(name), $"prompts/{name}.yaml (embedded)");
    }

    public static PromptFile Parse(string yaml, string source)
    {
        var document = Read<Document>(yaml, source);
        if (string.IsNullOrWhiteSpace(document.Template))
        {
            throw new MinutesException(Messages.Get("PromptNoTemplate", source));
        }

        if (document.TemplateFormat is { } format && format != "semantic-kernel")
        {
            throw new MinutesException(Messages.Get("PromptBadFormat", source, format));
        }

        foreach (Match block in Block().Matches(document.Template))
        {
            var content = block.Groups[1].Value.Trim();
            if (!content.StartsWith('$') || !Variables.Contains(content[1..]))
            {
                throw new MinutesException(Messages.Get("PromptVariableNotAllowed", source, content));
            }
        }

        return new PromptFile(document.Name ?? string.Empty, document.Description ?? string.Empty, document.Template.Trim() + "\n");
    }

    /// <summary>
    /// The system message for one session. Only the meeting and session titles, the style and its
    /// guide pass through the template engine, with their braces broken so that a title cannot call
    /// anything; the transcript never does. The guide and its example are the project's own files
    /// (or the office's, with <c>--prompts</c>), trusted like the template: they go in as written,
    /// tags and quotes included, where a title would be HTML-encoded.
    /// </summary>
    public Task<string> RenderAsync(string meeting, string session, StyleGuide guide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(guide);
        var config = new PromptTemplateConfig(Template) { TemplateFormat = "semantic-kernel" };
        config.InputVariables.Add(new InputVariable { Name = "guide", AllowDangerouslySetContent = true });
        config.InputVariables.Add(new InputVariable { Name = "example", AllowDangerouslySetContent = true });
        var arguments = new KernelArguments
        {
            ["meeting"] = Neutral(meeting),
            ["session"] = Neutral(session),
            ["style"] = guide.Style.Name(),
            ["guide"] = Neutral(guide.Guide),
            ["example"] = Neutral(guide.Example),
        };
        return new KernelPromptTemplateFactory().Create(config).RenderAsync(new Kernel(), arguments, cancellationToken);
    }

    /// <summary>A prompt folder's YAML file (snake_case keys, others ignored), or one line saying where it is not YAML.</summary>
    internal static T Read<T>(string yaml, string source)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(yaml);
        try
        {
            return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException ex)
        {
            throw new MinutesException(Messages.Get("PromptNotYaml", source, ex.Start.Line, ex.InnerException?.Message ?? ex.Message));
        }
    }

    private static string Neutral(string value) => value.Replace("{{", "{ {", StringComparison.Ordinal).Replace("}}", "} }", StringComparison.Ordinal);

    private static string Embedded(string name) => ResourceLines.EmbeddedText($"Minutes.Prompts.{name}.yaml");

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    private sealed class Document
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? TemplateFormat { get; set; }

        public string? Template { get; set; }
    }
}
