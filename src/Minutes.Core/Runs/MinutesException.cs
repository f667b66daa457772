using Minutes.Text;

namespace Minutes.Runs;

/// <summary>Exit codes of the command line, shared by every stage.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Failure = 2;
    public const int VerificationFailed = 3;
    public const int Cancelled = 130;
}

/// <summary>
/// A failure the user can act on: its message is one line, printed as it is, without a stack
/// trace. Anything else that escapes a command is a bug and is reported as such.
/// </summary>
public class MinutesException : Exception
{
    public MinutesException(string message, int exitCode = ExitCodes.Failure)
        : base(message) => ExitCode = exitCode;

    public MinutesException(string message, Exception inner, int exitCode = ExitCodes.Failure)
        : base(message, inner) => ExitCode = exitCode;

    /// <summary>A failure whose message is kept as a message, so that a report can give it in English (<c>--json</c>) as well.</summary>
    public MinutesException(Message said, int exitCode = ExitCodes.Failure)
        : base(said?.Text)
    {
        Said = said;
        ExitCode = exitCode;
    }

    /// <summary>A failure kept as a message, with the exception that caused it.</summary>
    public MinutesException(Message said, Exception inner, int exitCode = ExitCodes.Failure)
        : base(said?.Text, inner)
    {
        Said = said;
        ExitCode = exitCode;
    }

    public MinutesException()
        : this("Minutes failed.")
    {
    }

    public MinutesException(string message, Exception inner)
        : this(message, inner, ExitCodes.Failure)
    {
    }

    public int ExitCode { get; }

    /// <summary>The message as a message of messages.tsv, when the failure was raised with one.</summary>
    public Message? Said { get; }
}
