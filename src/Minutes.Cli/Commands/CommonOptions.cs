using System.CommandLine;
using Minutes.Configuration;
using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Policy;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose") { Description = Messages.Get("HelpVerbose"), Recursive = true };

    public static Argument<string> RunArgument() => new("run") { Description = Messages.Get("HelpRunFolder") };

    /// <summary>One JSON document on stdout instead of the text (the shapes are in docs/FORMATS.md, "Command output for scripts").</summary>
    public static Option<bool> Json() => new("--json") { Description = Messages.Get("HelpJson") };

    /// <summary>Writes a command's JSON report to stdout: the only thing printed there.</summary>
    public static Task WriteJsonAsync<T>(CliConsole console, T report, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Out.WriteAsync(Minutes.Json.MinutesJson.Serialize(report, type));
    }

    public static Option<int?> Confidentiality() => new("--confidentiality") { Description = Messages.Get("HelpConfidentiality", Policy.Confidentiality.Default) };

    public static Option<string?> LowerConfidentiality() => new("--lower-confidentiality") { Description = Messages.Get("HelpLowerConfidentiality") };

    /// <summary>Why a reviewer corrects, edits, decides or purges: recorded with the entry.</summary>
    public static Option<string?> Reason() => new("--reason") { Description = Messages.Get("HelpReason") };

    public static Option<string?> LevelReviewer() => new("--reviewer") { Description = Messages.Get("HelpLevelReviewer") };

    /// <summary>The level asked for (the option, when given), the reason to lower, who asks, and a new run's level: minutes.json, else level 1.</summary>
    public static ConfidentialityRequest ConfidentialityRequestOf(ParseResult parse, Option<int?> level, Option<string?> lower, Option<string?> reviewer, MinutesConfig config, string command)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(config);
        return new ConfidentialityRequest
        {
            Level = parse.GetValue(level) is { } asked ? Policy.Confidentiality.From(asked) : null,
            LowerReason = parse.GetValue(lower),
            Reviewer = parse.GetValue(reviewer),
            Fallback = config.Confidentiality ?? Policy.Confidentiality.Default,
            Command = command,
        };
    }

    public static Option<string?> Style() => new("--style") { Description = Messages.Get("HelpStyle", DraftStyles.Default.Name()) };

    /// <summary>Where the style comes from: the option, minutes.json, or neither (the kind of meeting chooses).</summary>
    public static StyleSource StyleSourceOf(ParseResult parse, Option<string?> option, MinutesConfig config) =>
        parse.GetValue(option) is not null ? StyleSource.Given : config.Style is not null ? StyleSource.Configured : StyleSource.Default;

    /// <summary>The option, else minutes.json, else summary.</summary>
    public static DraftStyle StyleOf(ParseResult parse, Option<string?> option, MinutesConfig config) =>
        (parse.GetValue(option) ?? config.Style) is { } name ? DraftStyles.Parse(name) : DraftStyles.Default;

    public static Option<string?> Replacements() => new("--replacements") { Description = Messages.Get("HelpReplacements") };

    /// <summary>The option's file, else minutes.json's map, else none.</summary>
    public static ReplacementDictionary? ReplacementsOf(ParseResult parse, Option<string?> option, MinutesConfig config)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(config);
        if (parse.GetValue(option) is { } file)
        {
            return ReplacementDictionary.Load(file);
        }

        return config.Replacements is { Count: > 0 } map
            ? ReplacementDictionary.Of(MinutesConfig.FileName, map.Select(p => (p.Key, p.Value)))
            : null;
    }
}

/// <summary>The LLM options of <c>draft</c> (and, prefixed with <c>--llm-</c>, of <c>transcribe</c>).</summary>
internal sealed class LlmCommandOptions
{
    public LlmCommandOptions(bool prefixed)
    {
        var p = prefixed ? "--llm-" : "--";
        Offline = new Option<bool>("--offline") { Description = Messages.Get("HelpCommonOptionsOffline") };
        Provider = new Option<string?>(p + "provider") { Description = Messages.Get("HelpCommonOptionsProvider") };
        Endpoint = new Option<string?>(p + "endpoint") { Description = Messages.Get("HelpCommonOptionsEndpoint") };
        Model = new Option<string?>(p + "model") { Description = Messages.Get("HelpCommonOptionsModel") };
        Deployment = new Option<string?>(p + "deployment") { Description = Messages.Get("HelpCommonOptionsDeployment") };
        ContextTokens = new Option<int?>(p + "context-tokens") { Description = Messages.Get("HelpCommonOptionsContextTokens", LlmSettings.DefaultContextTokens) };
        Prompts = new Option<string?>("--prompts") { Description = Messages.Get("HelpCommonOptionsPrompts") };
        NoCache = new Option<bool>("--no-cache") { Description = Messages.Get("HelpCommonOptionsNoCache") };
    }

    public Option<bool> Offline { get; }

    public Option<string?> Provider { get; }

    public Option<string?> Endpoint { get; }

    public Option<string?> Model { get; }

    public Option<string?> Deployment { get; }

    public Option<int?> ContextTokens { get; }

    public Option<string?> Prompts { get; }

    public Option<bool> NoCache { get; }

    public IEnumerable<Option> All => [Offline, Provider, Endpoint, Model, Deployment, ContextTokens, Prompts, NoCache];

    public LlmOptions Read(ParseResult parse) => new()
    {
        Offline = parse.GetValue(Offline),
        Provider = parse.GetValue(Provider),
        Endpoint = parse.GetValue(Endpoint),
        Model = parse.GetValue(Model),
        Deployment = parse.GetValue(Deployment),
        ContextTokens = parse.GetValue(ContextTokens),
        Prompts = parse.GetValue(Prompts),
        NoCache = parse.GetValue(NoCache),
    };
}
