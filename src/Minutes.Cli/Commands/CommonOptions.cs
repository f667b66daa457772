using System.CommandLine;
using Minutes.Configuration;
using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Policy;

namespace Minutes.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Print stack traces of failures.", Recursive = true };

    public static Argument<string> RunArgument() => new("run") { Description = "The run folder." };

    /// <summary>One JSON document on stdout instead of the text (the shapes are in docs/FORMATS.md, "Command output for scripts").</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document (camelCase, with formatVersion) instead of the text; progress and errors stay on stderr." };

    /// <summary>Writes a command's JSON report to stdout: the only thing printed there.</summary>
    public static Task WriteJsonAsync<T>(CliConsole console, T report, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Out.WriteAsync(Minutes.Json.MinutesJson.Serialize(report, type));
    }

    public static Option<int?> Confidentiality() => new("--confidentiality") { Description = $"機密性 1, 2 or 3 (2: personal information masked before sending; 3: never sent to a remote endpoint). Kept with the run: a new run starts at it (default: minutes.json, else {Policy.Confidentiality.Default}); later commands use the run's level, and a higher one raises it (recorded)." };

    public static Option<string?> LowerConfidentiality() => new("--lower-confidentiality") { Description = "The reason for lowering the run's confidentiality level with --confidentiality; recorded in the manifest with who and when, and shown on the review page." };

    public static Option<string?> LevelReviewer() => new("--reviewer") { Description = "Who changes the run's confidentiality level (recorded); default: the operating system's user name." };

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

    public static Option<string?> Style() => new("--style") { Description = $"summary (要点筆記, である調), verbatim (全文) or overview (議事概要). Default: the meeting file's 種別, else minutes.json, else the kind of meeting (委員会 …: {DraftStyles.Default.Name()}; 会議, 説明会: overview)." };

    /// <summary>Where the style comes from: the option, minutes.json, or neither (the kind of meeting chooses).</summary>
    public static StyleSource StyleSourceOf(ParseResult parse, Option<string?> option, MinutesConfig config) =>
        parse.GetValue(option) is not null ? StyleSource.Given : config.Style is not null ? StyleSource.Configured : StyleSource.Default;

    /// <summary>The option, else minutes.json, else summary.</summary>
    public static DraftStyle StyleOf(ParseResult parse, Option<string?> option, MinutesConfig config) =>
        (parse.GetValue(option) ?? config.Style) is { } name ? DraftStyles.Parse(name) : DraftStyles.Default;

    public static Option<string?> Replacements() => new("--replacements") { Description = "A replacement dictionary ('誤=正' lines) applied right after transcription, recorded as corrections by 'dictionary'. Default: 'replacements' in minutes.json." };

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
        Offline = new Option<bool>("--offline") { Description = "Use the offline (extractive) drafter even when an LLM is configured." };
        Provider = new Option<string?>(p + "provider") { Description = "openai, azure or compatible (default: from the endpoint)." };
        Endpoint = new Option<string?>(p + "endpoint") { Description = "The LLM endpoint (default: MINUTES_LLM_ENDPOINT, AZURE_OPENAI_ENDPOINT, minutes.json)." };
        Model = new Option<string?>(p + "model") { Description = "The LLM model (default: MINUTES_LLM_MODEL, minutes.json)." };
        Deployment = new Option<string?>(p + "deployment") { Description = "The Azure OpenAI deployment (default: AZURE_OPENAI_DEPLOYMENT, minutes.json)." };
        ContextTokens = new Option<int?>(p + "context-tokens") { Description = $"The model's context window; longer sessions are drafted in parts and merged (default {LlmSettings.DefaultContextTokens})." };
        Prompts = new Option<string?>("--prompts") { Description = "A folder of prompt files overriding the embedded ones (draft-session.yaml, merge-session.yaml)." };
        NoCache = new Option<bool>("--no-cache") { Description = "Call the LLM even when the same request was answered before." };
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
