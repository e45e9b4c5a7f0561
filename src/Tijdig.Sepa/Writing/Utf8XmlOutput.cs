using System.Buffers;
using System.Text;

namespace Tijdig.Sepa.Writing;

/// <summary>
/// A small forward-only XML writer that encodes UTF-8 straight into a pooled buffer. The pain.008
/// layout needs elements, text, one attribute and one default namespace, and nothing else. For a
/// batch of 100,000 collections the general <see cref="System.Xml.XmlWriter"/> spends more time on
/// checks per call than on the bytes. Text is escaped, and a control character throws, because XML 1.0 cannot contain it.
/// </summary>
internal sealed class Utf8XmlOutput : IDisposable
{
    private const int BufferSize = 1 << 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The characters that text cannot contain as they are: markup, quotes and the C0 controls.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly Stream _output;
    private readonly Stack<string> _open = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;

    /// <summary>True after a start tag's name was written and before its closing '>', so attributes can still follow.</summary>
    private bool _tagOpen;

    public Utf8XmlOutput(Stream output) => _output = output;

    public void WriteStartDocument() => Ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>");

    public void WriteStartElement(string name, string defaultNamespace)
    {
        WriteStartElement(name);
        WriteAttributeString("xmlns", defaultNamespace);
    }

    public void WriteStartElement(string name)
    {
        CloseTag();
        Byte((byte)'<');
        Ascii(name);
        _open.Push(name);
        _tagOpen = true;
    }

    public void WriteAttributeString(string name, string value)
    {
        Byte((byte)' ');
        Ascii(name);
        Ascii("=\"");
        Text(value, inAttribute: true);
        Byte((byte)'"');
    }

    public void WriteElementString(string name, string value)
    {
        WriteStartElement(name);
        WriteString(value);
        WriteEndElement();
    }

    public void WriteString(string value) => WriteChars(value);

    public void WriteChars(ReadOnlySpan<char> value)
    {
        CloseTag();
        Text(value, inAttribute: false);
    }

    /// <summary>
    /// Writes markup that is already UTF-8, such as the fixed tags around a collection's values. The
    /// caller keeps it balanced: elements opened here are closed here, not by <see cref="WriteEndElement"/>.
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8Markup)
    {
        CloseTag();
        Ensure(utf8Markup.Length);
        utf8Markup.CopyTo(_buffer.AsSpan(_length));
        _length += utf8Markup.Length;
    }

    public void WriteEndElement()
    {
        var name = _open.Pop();
        if (_tagOpen)
        {
            Ascii("/>");
            _tagOpen = false;
            return;
        }

        Ascii("</");
        Ascii(name);
        Byte((byte)'>');
    }

    public void WriteEndDocument()
    {
        while (_open.Count > 0)
        {
            WriteEndElement();
        }

        Flush();
    }

    public void Flush()
    {
        _output.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void CloseTag()
    {
        if (_tagOpen)
        {
            Byte((byte)'>');
            _tagOpen = false;
        }
    }

    /// <summary>Writes text and escapes what XML requires. Runs without special characters are encoded in one call.</summary>
    private void Text(ReadOnlySpan<char> value, bool inAttribute)
    {
        while (true)
        {
            var special = value.IndexOfAny(Special);
            if (special < 0)
            {
                Encode(value);
                return;
            }

            Encode(value[..special]);
            var c = value[special];
            var escape = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when inAttribute => "&quot;",
                '"' => "\"",
                _ => throw new ArgumentException($"Character U+{(int)c:X4} cannot be written to XML."),
            };
            Ascii(escape);
            value = value[(special + 1)..];
        }
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            // At most 3 bytes per UTF-16 unit, so a piece of this size always fits once the buffer has room.
            var piece = text[..Math.Min(text.Length, BufferSize / 4)];
            if (char.IsHighSurrogate(piece[^1]) && piece.Length < text.Length)
            {
                piece = piece[..^1];
            }

            Ensure(piece.Length * 3);
            _length += Utf8.GetBytes(piece, _buffer.AsSpan(_length));
            text = text[piece.Length..];
        }
    }

    private void Ascii(string text)
    {
        Ensure(text.Length);
        _length += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
        }

        if (bytes > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }
}
