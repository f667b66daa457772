using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>
/// The notes of a session plan as they are found: the trace keeps every note in English (one
/// language-neutral form, a warning prefixed <c>warning:</c>), and the warnings are also kept as
/// messages, so that the console gives them in the user's language.
/// </summary>
internal sealed class SessionNotes
{
    public List<string> Lines { get; } = [];

    public List<Message> Warnings { get; } = [];

    public void Add(string line) => Lines.Add(line);

    public void Warn(Message warning)
    {
        Warnings.Add(warning);
        Lines.Add("warning: " + warning.English);
    }
}
