namespace Minutes.Runs;

/// <summary>
/// The length of a file in bytes, following symbolic links: a model or a recording linked into place
/// (as an administrator does to share one copy) has the size of what it points at, not of the link.
/// </summary>
public static class FileLength
{
    public static long Of(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info.Length : ((info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo) ?? info).Length;
    }
}
