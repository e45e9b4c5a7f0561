namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// The element path named in an error: either ready text, or an <see cref="EntryLocation"/> and a
/// tail that are only joined when a value turns out to be bad.
/// </summary>
internal readonly struct XmlPath
{
    private readonly string? _text;
    private readonly EntryLocation? _entry;
    private readonly string? _tail;

    public XmlPath(string text) => _text = text;

    public XmlPath(EntryLocation entry, string tail)
    {
        _entry = entry;
        _tail = tail;
    }

    public static implicit operator XmlPath(string text) => new(text);

    public static XmlPath FromString(string text) => new(text);

    public override string ToString() => _entry is null ? _text ?? "" : _entry.Describe(_tail ?? "");
}
