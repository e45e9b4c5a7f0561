using System.Xml;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>Walks the child elements of the element an <see cref="XmlReader"/> is on, without buffering.</summary>
internal static class XmlChildren
{
    /// <summary>
    /// Calls <paramref name="handle"/> on each child element; the handler must move the reader past
    /// that child (Skip, or XNode.ReadFrom). Leaves the reader after the parent's end tag.
    /// </summary>
    public static void ForEach(XmlReader reader, Action<XmlReader> handle)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (true)
        {
            var type = reader.MoveToContent();
            switch (type)
            {
                case XmlNodeType.Element:
                    handle(reader);
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return;
                case XmlNodeType.None:
                    // Only reachable when the reader stopped without an exception; the XML ended early.
                    throw new ReadFailure(SepaMessages.Truncated(null));
                default:
                    reader.Read();
                    break;
            }
        }
    }
}
