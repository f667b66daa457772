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
        var command = new Command("speakers", "Enrolled voice profiles (embeddings, never audio) that name speakers in a run.");
        command.Subcommands.Add(Enroll(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Command Enroll(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The name the minutes use, e.g. 委員長." };
        var audio = new Argument<string?>("audio") { Description = "A recording of this voice alone (at least 3 s of speech); or use --from-run.", Arity = ArgumentArity.ZeroOrOne };
        var fromRun = new Option<string?>("--from-run") { Description = "Enrol from a run instead: its recording over the segments of --speaker (as corrected)." };
        var speaker = new Option<string?>("--speaker") { Description = "With --from-run: the speaker label (S2) or the name the run shows for it." };
        var speakerModel = new Option<string?>("--speaker-model") { Description = $"Enrol with this ONNX speaker-embedding model (the one transcribe will use); default: {SpeakerEmbedders.EnvironmentVariable}, else the built-in embedder." };
        var command = new Command("enroll", "Store a voice profile for a name, from a recording of the voice alone or from a speaker of a run.") { name, audio, fromRun, speaker, speakerModel };
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
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Enrolled {profile.Name} ({profile.Method}): {profile.SpeechSeconds:0.0} s of speech from {profile.SourceFile}, {profile.Windows} windows, in {store.Folder}"));
            return 0;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "The enrolled names.");
        command.SetAction(async (_, _) =>
        {
            var store = ProfileStore.Open();
            await console.Out.WriteLineAsync($"Profiles folder: {store.Folder}");
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
        var name = new Argument<string>("name") { Description = "The enrolled name to forget." };
        var command = new Command("remove", "Delete an enrolled profile.") { name };
        command.SetAction(async (parse, _) =>
        {
            ProfileStore.Open().Remove(parse.GetRequiredValue(name));
            await console.Out.WriteLineAsync($"Removed {parse.GetRequiredValue(name)}");
            return 0;
        });
        return command;
    }
}
