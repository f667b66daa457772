using System.Globalization;
using Minutes.Sessions;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>Prints a session plan: one line a session (its warnings were said on stderr as the stage ran).</summary>
internal static class SessionsOutput
{
    public static async Task WriteAsync(CliConsole console, SessionPlan plan)
    {
        await console.Out.WriteLineAsync(Messages.Get("SessionsCount", plan.Sessions.Count));
        foreach (var session in plan.Sessions)
        {
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {session.Id} {session.Start,9:0.000} {session.End,9:0.000}  {session.Title}  [{session.Boundary.Reason}{(session.Boundary.SegmentId is null ? "" : " " + session.Boundary.SegmentId)}]"));
        }
    }
}
