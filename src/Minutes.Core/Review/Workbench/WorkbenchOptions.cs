using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Text;

namespace Minutes.Review.Workbench;

/// <summary>
/// How the workbench redrafts (the LLM as configured, else the offline drafter; the meeting header
/// and roster files as for <c>minutes draft</c>) and where it listens (loopback; port 0: a free one).
/// </summary>
public sealed record WorkbenchOptions
{
    public static WorkbenchOptions Defaults { get; } = new();

    public int Port { get; init; }

    public LlmOptions Llm { get; init; } = new();

    public MinutesConfig? Config { get; init; }

    public string? Meeting { get; init; }

    public string? Roster { get; init; }

    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new Runs.MinutesException(Messages.Get("PortInvalid", Port));
        }

        new DraftOptions { Meeting = Meeting, Roster = Roster }.Validate();
    }
}
