using Minutes.Runs;

namespace Minutes.Editing;

/// <summary>
/// An edit made on a statement that changed since the reviewer saw it (the request's expected
/// text is no longer the statement's): nothing was recorded. Checked under the run's lock, so two
/// edits made on the same text cannot both pass.
/// </summary>
public sealed class StaleEditException : MinutesException
{
    public StaleEditException(string message)
        : base(message)
    {
    }

    public StaleEditException()
    {
    }

    public StaleEditException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
