using Minutes.Bench;

// bench run [--minutes 60,120]   measure every stage on generated recordings, append to bench/RESULTS.md
// bench child <stage> …          one stage in its own process (peak memory is per process)
// bench revoice <folder> <count> <seed>   synthesize re-voiced meetings (Open JTalk) and print their folders
// bench workbench [--minutes 120] [--edits 20]   latency of the review workbench: a correction to its updated flags
// bench asr [--models base,small,…] [--minutes 1] [--threads 1,2] [--processors 1,2] [--modes greedy,beam]   Whisper on shape-true models
// bench real                     speakers and speech on the real AMI excerpts beside the samples, append to bench/RESULTS.md
// bench channels                generated seat-microphone meetings: DER with --channels mix, per-speaker and auto
// bench real-sweep vad|speakers|diag [--revoiced] [--check-revoiced]  the grids the VAD settings and the diarizer's count were chosen on (tuning sets only)
// bench sessions                 session boundary precision/recall by kind of meeting, append to bench/RESULTS.md
try
{
    return args.FirstOrDefault() switch
    {
        "child" => await Stages.RunChildAsync(args[1..]),
        "run" => await Bench.RunAsync(args[1..]),
        "workbench" => await WorkbenchLatency.RunAsync(args[1..]),
        "asr" => await AsrBench.RunAsync(args[1..]),
        "asr-child" => await AsrBench.RunChildAsync(args[1..]),
        "real" => await RealMeetings.RunAsync(args[1..]),
        "real-sweep" => await RealSweep.RunAsync(args[1..]),
        "sessions" => await SessionGenres.RunAsync(args[1..]),
        "channels" => await ChannelBench.RunAsync(args[1..]),
        "revoice" when args.Length == 4 => Revoice(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)),
        _ => Usage(),
    };
}
catch (Minutes.Runs.MinutesException ex)
{
    await Console.Error.WriteLineAsync($"bench: {ex.Message}");
    return 2;
}

static int Revoice(string work, int count, int seed)
{
    var (meetings, reason) = Revoiced.Build(Bench.Root, Path.GetFullPath(work), count, seed);
    Console.WriteLine(meetings is null ? reason : string.Join('\n', meetings));
    return meetings is null ? 2 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench run [--minutes 60,120] | bench sessions | bench asr [--models base,small] [--minutes 1] [--threads 1,2] [--processors 1,2] [--modes greedy,beam] | bench workbench [--minutes 120] [--edits 20] | bench child <stage> … | bench revoice <folder> <count> <seed>");
    return 1;
}
