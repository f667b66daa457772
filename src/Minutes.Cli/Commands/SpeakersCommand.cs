using System.CommandLine;
using System.Globalization;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes speakers enroll &lt;name&gt; (&lt;audio&gt; | --from-run &lt;run&gt; --speaker &lt;label&gt;) | list | remove &lt;name&gt;</c>: enrolled voice profiles.</summary>
internal static class SpeakersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("speakers", Messages.Get("HelpSpeakersSpeakersCommand"));
        command.Subcommands.Add(Enroll(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Command Enroll(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = Messages.Get("HelpSpeakersName") };
        var audio = new Argument<string?>("audio") { Description = Messages.Get("HelpSpeakersAudio"), Arity = ArgumentArity.ZeroOrOne };
        var fromRun = new Option<string?>("--from-run") { Description = Messages.Get("HelpSpeakersFromRun") };
        var speaker = new Option<string?>("--speaker") { Description = Messages.Get("HelpSpeakersSpeaker") };
        var speakerModel = new Option<string?>("--speaker-model") { Description = Messages.Get("HelpSpeakersSpeakerModel", SpeakerEmbedders.EnvironmentVariable) };
        var command = new Command("enroll", Messages.Get("HelpSpeakersEnrollCommand")) { name, audio, fromRun, speaker, speakerModel };
        command.SetAction(async (parse, _) =>
        {
            var (file, run, label) = (parse.GetValue(audio), parse.GetValue(fromRun), parse.GetValue(speaker));
            if ((file is null) == (run is null) || (run is null) != (label is null))
            {
                throw new MinutesException(Messages.Get("EnrollGiveOne"), ExitCodes.Usage);
            }

            var store = ProfileStore.Open();
            var model = SpeakerEmbedders.ModelPath(parse.GetValue(speakerModel));
            var profile = run is null
                ? store.Enroll(parse.GetRequiredValue(name), file!, model)
                : store.EnrollFromRun(parse.GetRequiredValue(name), RunFolder.Open(run), label!, model);
            await console.Out.WriteLineAsync(Messages.Get("Enrolled", profile.Name, profile.Method, profile.SpeechSeconds, profile.SourceFile, profile.Windows, store.Folder));
            return 0;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", Messages.Get("HelpSpeakersListCommand"));
        command.SetAction(async (_, _) =>
        {
            var store = ProfileStore.Open();
            await console.Out.WriteLineAsync(Messages.Get("ProfilesFolder", store.Folder));
            foreach (var p in store.List())
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p.Name}\t{p.SpeechSeconds:0.0} s\t{SpeakerEmbedders.Describe(p)}\t{p.SourceFile}\t{p.Enrolled:yyyy-MM-dd}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = Messages.Get("HelpSpeakersName2") };
        var command = new Command("remove", Messages.Get("HelpSpeakersRemoveCommand")) { name };
        command.SetAction(async (parse, _) =>
        {
            ProfileStore.Open().Remove(parse.GetRequiredValue(name));
            await console.Out.WriteLineAsync(Messages.Get("Removed", parse.GetRequiredValue(name)));
            return 0;
        });
        return command;
    }
}
