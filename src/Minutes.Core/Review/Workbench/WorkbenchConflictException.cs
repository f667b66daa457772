using Minutes.Runs;

namespace Minutes.Review.Workbench;

/// <summary>An edit made on a page that no longer shows the current transcript (HTTP 409): nothing was recorded.</summary>
public sealed class WorkbenchConflictException : MinutesException
{
    public WorkbenchConflictException(string message)
        : base(message)
    {
    }

    public WorkbenchConflictException()
    {
    }

    public WorkbenchConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
