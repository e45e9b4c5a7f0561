using System.Text;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// One element (or text run) of the Ntry being read, in a tree that <see cref="EntryTree"/> reuses
/// for every entry. It supports the same lookups as the LINQ to XML calls the parser used before:
/// the first child with a name, all children with a name, and the concatenated text.
/// </summary>
internal sealed class EntryNode
{
    private readonly List<EntryNode> _children = [];

    /// <summary>The local name, or null for a text run.</summary>
    public string? LocalName { get; private set; }

    /// <summary>Whether the element is in the message namespace. Elements of other namespaces do not match a path.</summary>
    public bool InMessageNamespace { get; private set; }

    /// <summary>The Ccy attribute of an Amt element.</summary>
    public string? Currency { get; private set; }

    /// <summary>The text of a text run.</summary>
    public string? Text { get; private set; }

    public void ResetElement(string localName, bool inMessageNamespace, string? currency)
    {
        LocalName = localName;
        InMessageNamespace = inMessageNamespace;
        Currency = currency;
        Text = null;
        _children.Clear();
    }

    public void ResetText(string text)
    {
        LocalName = null;
        InMessageNamespace = false;
        Currency = null;
        Text = text;
        _children.Clear();
    }

    public void Add(EntryNode child) => _children.Add(child);

    /// <summary>The first child element with this local name in the message namespace, like XContainer.Element.</summary>
    public EntryNode? Element(string localName)
    {
        foreach (var child in _children)
        {
            if (child.InMessageNamespace && string.Equals(child.LocalName, localName, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Adds every child element with this local name to <paramref name="into"/>, in document order.</summary>
    public void Elements(string localName, List<EntryNode> into)
    {
        foreach (var child in _children)
        {
            if (child.InMessageNamespace && string.Equals(child.LocalName, localName, StringComparison.Ordinal))
            {
                into.Add(child);
            }
        }
    }

    /// <summary>All descendant text concatenated, like XElement.Value. A single text run is returned without copying.</summary>
    public string Value
    {
        get
        {
            if (Text is not null)
            {
                return Text;
            }

            if (_children.Count == 0)
            {
                return "";
            }

            if (_children.Count == 1 && _children[0].Text is { } only)
            {
                return only;
            }

            var builder = new StringBuilder();
            AppendText(builder);
            return builder.ToString();
        }
    }

    private void AppendText(StringBuilder builder)
    {
        if (Text is not null)
        {
            builder.Append(Text);
            return;
        }

        foreach (var child in _children)
        {
            child.AppendText(builder);
        }
    }
}
