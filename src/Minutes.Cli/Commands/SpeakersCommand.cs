using System.CommandLine;
using System.Globalization;
using Minutes.Speakers;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes speakers enroll &lt;name&gt; &lt;audio&gt; | list | remove &lt;name&gt;</c>: enrolled voice profiles.</summary>
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
        var audio = new Argument<string>("audio") { Description = "A recording of this voice alone (at least 3 s of speech)." };
        var speakerModel = new Option<string?>("--speaker-model") { Description = $"Enrol with this ONNX speaker-embedding model (the one transcribe will use); default: {SpeakerEmbedders.EnvironmentVariable}, else the built-in embedder." };
        var command = new Command("enroll", "Store a voice profile for a name.") { name, audio, speakerModel };
        command.SetAction(async (parse, _) =>
        {
            var store = ProfileStore.Open();
            var profile = store.Enroll(parse.GetRequiredValue(name), parse.GetRequiredValue(audio), SpeakerEmbedders.ModelPath(parse.GetValue(speakerModel)));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Enrolled {profile.Name} ({profile.Method}): {profile.SpeechSeconds:0.0} s of speech, {profile.Windows} windows, in {store.Folder}"));
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
