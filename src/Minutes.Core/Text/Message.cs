namespace Minutes.Text;

/// <summary>
/// A message of <c>messages.tsv</c> kept as its key and arguments, written in a language only when
/// it is read: the console takes <see cref="Text"/> (the user's language), <c>--json</c> outputs
/// take <see cref="English"/> so that scripts read the same words under any locale, and the
/// Japanese review page takes <see cref="Japanese"/>. An argument that is a message is written in
/// the same language as the message around it.
/// </summary>
public sealed record Message(string Key, IReadOnlyList<object?> Args)
{
    /// <summary>In the user's language (<see cref="Messages.Japanese"/>).</summary>
    public string Text => Messages.Format(this, Messages.Japanese);

    public string English => Messages.Format(this, japanese: false);

    public string Japanese => Messages.Format(this, japanese: true);

    public override string ToString() => Text;
}
