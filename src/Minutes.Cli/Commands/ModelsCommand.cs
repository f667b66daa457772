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
        var command = new Command("models", Messages.Get("HelpModelsModelsCommand"));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Pull(console));
        command.Subcommands.Add(PathOf(console));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(Import(console));
        command.Subcommands.Add(Measure(console));
        return command;
    }

    /// <summary><c>models measure [name…]</c>: each installed Whisper model's speed here, measured or reused (<see cref="ModelSpeedMeter"/>).</summary>
    private static Command Measure(CliConsole console)
    {
        var names = new Argument<string[]>("name") { Description = Messages.Get("HelpModelsMeasureNames"), Arity = ArgumentArity.ZeroOrMore };
        var threads = new Option<int?>("--threads") { Description = Messages.Get("HelpTranscribeThreads") };
        var beamSize = new Option<int?>("--beam-size") { Description = Messages.Get("HelpTranscribeBeamSize", Transcription.WhisperDecoding.DefaultBeamSize) };
        var fast = new Option<bool>("--fast") { Description = Messages.Get("HelpTranscribeFast") };
        var processors = new Option<int?>("--processors") { Description = Messages.Get("HelpTranscribeProcessors") };
        var again = new Option<bool>("--again") { Description = Messages.Get("HelpModelsMeasureAgain") };
        var measure = new Command("measure", Messages.Get("HelpModelsMeasureCommand")) { names, threads, beamSize, fast, processors, again };
        measure.SetAction(async (parse, cancellationToken) =>
        {
            var options = new Transcription.WhisperOptions
            {
                Threads = parse.GetValue(threads) ?? Transcription.WhisperOptions.DefaultThreads,
                BeamSize = parse.GetValue(beamSize),
                Fast = parse.GetValue(fast),
                Processors = parse.GetValue(processors) ?? 1,
            };
            options.Check();
            var store = ModelStore.FromEnvironment();
            var wanted = parse.GetValue(names) ?? [];
            InstalledModel Named(string name)
            {
                var path = store.ResolveWhisperModel(name);
                return store.Installed().FirstOrDefault(m => m.Path == path) ?? new InstalledModel(Path.GetFileName(path), ModelKind.Whisper, path, 0, null);
            }

            var models = wanted.Length == 0 ? new ModelChooser(store).Candidates("en") : wanted.Select(Named).ToList();
            if (models.Count == 0)
            {
                throw new Runs.MinutesException(Messages.Get("NoWhisperModel", store.Folder, ModelCatalog.DefaultWhisper));
            }

            var conditions = SpeedConditions.For(options);
            var speeds = ModelSpeeds.Load(store);
            foreach (var model in models)
            {
                var speed = parse.GetValue(again) ? null : speeds.Find(Runs.FileDigestMemo.Sha256OfFile(model.Path, cancellationToken), conditions);
                var reused = speed is not null;
                if (speed is null)
                {
                    await console.Error.WriteLineAsync(Messages.Get("MeasureMeasuring", model.Name, ModelSpeedMeter.ClipSeconds));
                    speed = await ModelSpeedMeter.MeasureAsync(model.Name, model.Path, conditions, null, cancellationToken);
                    speeds = speeds.Save(store, speed);
                }

                await console.Out.WriteLineAsync(Messages.Get(reused ? "MeasureReused" : "MeasureDone", model.Name, SpeedText.Estimate(speed, 3600), SpeedText.Measured(speed)));
            }

            return 0;
        });
        return measure;
    }

    private static Command List(CliConsole console)
    {
        var json = CommonOptions.Json();
        var list = new Command("list", Messages.Get("HelpModelsListCommand")) { json };
        list.SetAction(async (parse, _) =>
        {
            var models = ModelList.Of(ModelStore.FromEnvironment());
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, models, Json.MinutesJson.Context.ModelList);
                return 0;
            }

            await console.Out.WriteLineAsync(Messages.Get("ModelsFolder", models.Folder));
            await console.Out.WriteLineAsync(Messages.Get("ModelsHeader"));
            foreach (var model in models.Models)
            {
                var note = model.InCatalog ? model.Note : Messages.Get("NotInCatalog");
                await console.Out.WriteLineAsync($"{model.Name,-26} {model.Kind,-8} {model.Size,-10} {(model.Present ? Messages.Get("Present") : "-"),-8} {note}".TrimEnd());
            }

            return 0;
        });
        return list;
    }

    private static Command Pull(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = Messages.Get("HelpModelsName") };
        var pull = new Command("pull", Messages.Get("HelpModelsPullCommand")) { name };
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
        var name = new Argument<string>("name") { Description = Messages.Get("HelpModelsName2") };
        var path = new Command("path", Messages.Get("HelpModelsPathCommand")) { name };
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
        var names = new Argument<string[]>("name") { Description = Messages.Get("HelpModelsName3"), Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = Messages.Get("HelpModelsOutput"), Required = true };
        var export = new Command("export", Messages.Get("HelpModelsExportCommand")) { names, output };
        export.SetAction(async (parse, _) =>
        {
            var bundle = parse.GetRequiredValue(output);
            var manifest = ModelBundle.Export(ModelStore.FromEnvironment(), parse.GetRequiredValue(names), bundle);
            foreach (var model in manifest.Models)
            {
                await console.Out.WriteLineAsync($"{model.Name,-26} {Sizes.Format(model.Bytes),-10} sha256 {model.Sha256}");
            }

            await console.Out.WriteLineAsync(Messages.Get(manifest.Models.Count == 1 ? "BundleWroteOne" : "BundleWrote", Path.GetFullPath(bundle), manifest.Models.Count, Sizes.Format(new FileInfo(bundle).Length)));
            return 0;
        });
        return export;
    }

    private static Command Import(CliConsole console)
    {
        var bundle = new Argument<string>("bundle") { Description = Messages.Get("HelpModelsBundle") };
        var import = new Command("import", Messages.Get("HelpModelsImportCommand")) { bundle };
        import.SetAction(async (parse, _) =>
        {
            var store = ModelStore.FromEnvironment();
            var imported = ModelBundle.Import(parse.GetRequiredValue(bundle), store);
            foreach (var model in imported)
            {
                var what = Messages.Get(model.AlreadyPresent ? "ModelAlreadyPresent" : "ModelImported");
                await console.Out.WriteLineAsync($"{model.Entry.Name,-26} {Sizes.Format(model.Entry.Bytes),-10} {what}");
            }

            await console.Out.WriteLineAsync(Messages.Get("ModelsFolder", store.Folder));
            return 0;
        });
        return import;
    }
}
