using System.CommandLine;
using Minutes.Cli.Commands;
using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>The draft style: --style, then the meeting file's 種別, then minutes.json, then the inferred kind; the draft records what was asked and what was used.</summary>
public sealed class StylePrecedenceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, bool, DraftStyle, StyleSource, DraftStyle> Cases => new()
    {
        // The command line wins over the meeting file's 種別 (説明会: an overview).
        { "briefing", true, DraftStyle.Verbatim, StyleSource.Given, DraftStyle.Verbatim },
        // minutes.json gives way to the meeting file's 種別 …
        { "briefing", true, DraftStyle.Verbatim, StyleSource.Configured, DraftStyle.Overview },
        // … but not to a kind only inferred from what was said.
        { "briefing", false, DraftStyle.Verbatim, StyleSource.Configured, DraftStyle.Verbatim },
        // Nobody named a style: the kind chooses, from the meeting file or inferred.
        { "briefing", true, DraftStyle.Summary, StyleSource.Default, DraftStyle.Overview },
        { "committee", false, DraftStyle.Summary, StyleSource.Default, DraftStyle.Summary },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_style_used_follows_the_precedence_and_the_draft_records_the_style_asked_for(string sample, bool meetingFile, DraftStyle asked, StyleSource source, DraftStyle used)
    {
        var run = RunFolder.Open(await CliRunner.ImportSampleAsync(_temp.File("run"), sample));
        var options = new DraftOptions { Style = asked, StyleSource = source, Meeting = meetingFile ? RepoPaths.Sample($"{sample}/meeting.txt") : null };

        await new DraftStage(new OfflineDrafter(), options).RunAsync(run, CancellationToken.None);

        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Equal(used, minutes.Style);
        Assert.Equal(new StyleRequest(source == StyleSource.Default ? null : asked, source), minutes.StyleRequest);
    }

    [Theory]
    [InlineData("verbatim", "summary", StyleSource.Given, DraftStyle.Verbatim)]
    [InlineData(null, "verbatim", StyleSource.Configured, DraftStyle.Verbatim)]
    [InlineData(null, null, StyleSource.Default, DraftStyle.Summary)]
    public void The_command_line_names_the_source_option_before_minutes_json_before_nobody(string? option, string? configured, StyleSource source, DraftStyle expected)
    {
        var style = CommonOptions.Style();
        var command = new RootCommand { style };
        var parse = command.Parse(option is null ? [] : ["--style", option]);
        var config = new MinutesConfig { Style = configured };

        Assert.Equal(source, CommonOptions.StyleSourceOf(parse, style, config));
        Assert.Equal(expected, CommonOptions.StyleOf(parse, style, config));
    }
}
