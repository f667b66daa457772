using Minutes.Bench;

// bench run [--minutes 60,120]   measure every stage on generated recordings, append to bench/RESULTS.md
// bench child <stage> …          one stage in its own process (peak memory is per process)
try
{
    return args.FirstOrDefault() switch
    {
        "child" => await Stages.RunChildAsync(args[1..]),
        "run" => await Bench.RunAsync(args[1..]),
        _ => Usage(),
    };
}
catch (Minutes.Runs.MinutesException ex)
{
    await Console.Error.WriteLineAsync($"bench: {ex.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench run [--minutes 60,120] | bench child <stage> …");
    return 1;
}
