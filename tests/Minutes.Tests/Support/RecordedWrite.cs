using Minutes.Runs;

namespace Minutes.Tests.Support;

/// <summary>Writes a run file as if a faulty tool had written it: the manifest records the new content's digest, so only a schema can tell.</summary>
public static class RecordedWrite
{
    public static void Write(RunFolder run, string path, string text)
    {
        File.WriteAllText(run.PathOf(path), text);
        var digest = run.Digest(path);
        var manifest = run.LoadManifest();
        run.SaveManifest(manifest with
        {
            Stages = manifest.Stages.Select(s => s with
            {
                Inputs = s.Inputs.Select(f => f.Path == path ? f with { Sha256 = digest.Sha256, Bytes = digest.Bytes } : f).ToList(),
                Outputs = s.Outputs.Select(f => f.Path == path ? f with { Sha256 = digest.Sha256, Bytes = digest.Bytes } : f).ToList(),
            }).ToList(),
        });
    }
}
