using System.CommandLine;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>
/// <c>minutes models list | pull &lt;name|url&gt; | path &lt;name&gt; | export &lt;name&gt;… -o FILE | import FILE</c>:
/// the models folder, and bundles that carry models to a machine without internet.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("models", "Whisper and VAD models: list them, pull one, print where one is, carry them to a machine without internet (export, import).");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Pull(console));
        command.Subcommands.Add(PathOf(console));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(Import(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = CommonOptions.Json();
        var list = new Command("list", "The models Minutes knows by name, and which are in the models folder.") { json };
        list.SetAction(async (parse, _) =>
        {
            var models = ModelList.Of(ModelStore.FromEnvironment());
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, models, Json.MinutesJson.Context.ModelList);
                return 0;
            }

            await console.Out.WriteLineAsync($"Models folder: {models.Folder}");
            await console.Out.WriteLineAsync($"{"NAME",-26} {"KIND",-8} {"SIZE",-10} {"PRESENT",-8} NOTE");
            foreach (var model in models.Models)
            {
                var note = model.InCatalog ? model.Note : "not in the catalog";
                await console.Out.WriteLineAsync($"{model.Name,-26} {model.Kind,-8} {model.Size,-10} {(model.Present ? "yes" : "-"),-8} {note}".TrimEnd());
            }

            return 0;
        });
        return list;
    }

    private static Command Pull(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "A name from `minutes models list` or an https:// URL of a ggml file." };
        var pull = new Command("pull", "Download a model into the models folder (resumable, checksum-verified).") { name };
        pull.SetAction(async (parse, cancellationToken) =>
        {
            var source = ModelCatalog.Resolve(parse.GetRequiredValue(name));
            var progress = new ConsoleProgress(console);
            var stage = $"pull {source.Name}";
            progress.StageStarted(stage);
            var result = await new ModelDownloader(ModelStore.FromEnvironment()).PullAsync(
                source,
                new SyncProgress<DownloadProgress>(p => progress.Report(new StageProgress(
                    stage,
                    p.Total is > 0 and var total ? (double)p.Received / total : 0,
                    Sizes.Format(p.Received)))),
                cancellationToken);
            if (!result.AlreadyPresent)
            {
                progress.StageFinished(stage, StageOutcome.Ran, TimeSpan.Zero);
            }

            await console.Out.WriteLineAsync(result.Path);
            await console.Out.WriteLineAsync($"sha256 {result.Sha256} ({result.Verification})");
            return 0;
        });
        return pull;
    }

    private static Command PathOf(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "A model name (or URL) from `minutes models list`." };
        var path = new Command("path", "Print the file a model name stands for; fails when it has not been pulled.") { name };
        path.SetAction(async (parse, _) =>
        {
            var store = ModelStore.FromEnvironment();
            var source = ModelCatalog.Resolve(parse.GetRequiredValue(name));
            if (!store.IsPresent(source))
            {
                throw new Runs.MinutesException(Messages.Get("ModelNotFoundPull", source.Name, store.Folder, parse.GetRequiredValue(name)));
            }

            await console.Out.WriteLineAsync(store.PathOf(source));
            return 0;
        });
        return path;
    }

    private static Command Export(CliConsole console)
    {
        var names = new Argument<string[]>("name") { Description = "Catalog names present in the models folder, or model files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The bundle to write (a zip).", Required = true };
        var export = new Command("export", "Write models and their sha256 into one zip, for `minutes models import` on a machine without internet.") { names, output };
        export.SetAction(async (parse, _) =>
        {
            var bundle = parse.GetRequiredValue(output);
            var manifest = ModelBundle.Export(ModelStore.FromEnvironment(), parse.GetRequiredValue(names), bundle);
            foreach (var model in manifest.Models)
            {
                await console.Out.WriteLineAsync($"{model.Name,-26} {Sizes.Format(model.Bytes),-10} sha256 {model.Sha256}");
            }

            await console.Out.WriteLineAsync($"wrote {Path.GetFullPath(bundle)} ({manifest.Models.Count} model{(manifest.Models.Count == 1 ? string.Empty : "s")}, {Sizes.Format(new FileInfo(bundle).Length)})");
            return 0;
        });
        return export;
    }

    private static Command Import(CliConsole console)
    {
        var bundle = new Argument<string>("bundle") { Description = "A zip written by `minutes models export`." };
        var import = new Command("import", "Verify a models bundle and place its models into the models folder (all or nothing).") { bundle };
        import.SetAction(async (parse, _) =>
        {
            var store = ModelStore.FromEnvironment();
            var imported = ModelBundle.Import(parse.GetRequiredValue(bundle), store);
            foreach (var model in imported)
            {
                var what = model.AlreadyPresent ? "already present" : "imported";
                await console.Out.WriteLineAsync($"{model.Entry.Name,-26} {Sizes.Format(model.Entry.Bytes),-10} {what}, sha256 verified");
            }

            await console.Out.WriteLineAsync($"Models folder: {store.Folder}");
            return 0;
        });
        return import;
    }
}
