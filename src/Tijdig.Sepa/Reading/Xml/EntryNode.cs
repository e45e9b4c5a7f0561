namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// One element of the Ntry being read, in a tree that <see cref="EntryTree"/> reuses for every
/// entry. The element keeps no text of its own: all text of an entry goes, in document order, into
/// one character buffer of the tree, so the text of an element (with its descendants, as
/// XElement.Value gives it) is the range between <see cref="TextStart"/> and <see cref="TextEnd"/>.
/// </summary>
internal sealed class EntryNode
{
    private readonly List<EntryNode> _children = [];

    /// <summary>The local name, atomized in the reader's name table, so names compare by reference.</summary>
    public string LocalName { get; private set; } = "";

    /// <summary>Whether the element is in the message namespace. Elements of other namespaces do not match a path.</summary>
    public bool InMessageNamespace { get; private set; }

    /// <summary>The Ccy attribute of an Amt element.</summary>
    public string? Currency { get; private set; }

    /// <summary>Where the element's text starts in the tree's buffer.</summary>
    public int TextStart { get; private set; }

    /// <summary>Where the element's text ends in the tree's buffer (after its end tag was read).</summary>
    public int TextEnd { get; set; }

    public void Reset(string localName, bool inMessageNamespace, string? currency, int textStart)
    {
        LocalName = localName;
        InMessageNamespace = inMessageNamespace;
        Currency = currency;
        TextStart = textStart;
        TextEnd = textStart;
        _children.Clear();
    }

    public void Add(EntryNode child) => _children.Add(child);

    /// <summary>The first child element with this atomized local name in the message namespace, like XContainer.Element.</summary>
    public EntryNode? Element(string atomizedName)
    {
        foreach (var child in _children)
        {
            if (child.InMessageNamespace && ReferenceEquals(child.LocalName, atomizedName))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Adds every child element with this atomized local name to <paramref name="into"/>, in document order.</summary>
    public void Elements(string atomizedName, List<EntryNode> into)
    {
        foreach (var child in _children)
        {
            if (child.InMessageNamespace && ReferenceEquals(child.LocalName, atomizedName))
            {
                into.Add(child);
            }
        }
    }
}
