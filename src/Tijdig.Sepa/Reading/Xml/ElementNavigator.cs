using System.Collections.Concurrent;
using System.Xml.Linq;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// Looks up descendants of one message's elements by a slash-separated path of local names
/// ("RltdPties/Dbtr/Nm") in the message namespace. The split paths are cached, because the
/// same few paths are asked for every entry.
/// </summary>
internal sealed class ElementNavigator(XNamespace ns)
{
    private readonly ConcurrentDictionary<string, XName[]> _paths = new(StringComparer.Ordinal);

    public XNamespace Namespace { get; } = ns;

    public XElement? Find(XElement? parent, string path)
    {
        var current = parent;
        foreach (var name in Split(path))
        {
            if (current is null)
            {
                return null;
            }

            current = current.Element(name);
        }

        return current;
    }

    public string? Text(XElement? parent, string path)
    {
        var value = Find(parent, path)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public IEnumerable<XElement> All(XElement parent, string path)
    {
        var names = Split(path);
        IEnumerable<XElement> current = [parent];
        foreach (var name in names)
        {
            current = current.Elements(name);
        }

        return current;
    }

    /// <summary>The first of several alternative paths that exists, for elements renamed between versions.</summary>
    public string? FirstText(XElement? parent, params string[] paths)
    {
        foreach (var path in paths)
        {
            var text = Text(parent, path);
            if (text is not null)
            {
                return text;
            }
        }

        return null;
    }

    private XName[] Split(string path) =>
        _paths.GetOrAdd(path, p => p.Split('/').Select(part => Namespace + part).ToArray());
}
