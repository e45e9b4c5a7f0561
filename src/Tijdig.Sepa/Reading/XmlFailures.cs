using System.Globalization;
using System.Text;
using System.Xml;

namespace Tijdig.Sepa.Reading;

/// <summary>Turns an <see cref="XmlException"/> into the most specific <see cref="SepaError"/>.</summary>
internal static class XmlFailures
{
    public static SepaError Classify(XmlException exception, SniffingStream stream, string location)
    {
        var where = exception.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{location} (line {exception.LineNumber}, position {exception.LinePosition})")
            : location;

        if (FileFormatDetector.ContainsDoctype(stream.Prefix))
        {
            return SepaMessages.DtdProhibited();
        }

        // NOTE: System.Xml has no error codes, so encoding and end-of-file failures are recognised by
        // the inner exception or the English message text of the .NET runtime.
        if (exception.InnerException is DecoderFallbackException or ArgumentException
            || exception.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
        {
            return SepaMessages.InvalidEncoding(where, exception.Message);
        }

        if (stream.ReachedEnd && exception.Message.Contains("end of file", StringComparison.OrdinalIgnoreCase))
        {
            return SepaMessages.Truncated(where);
        }

        return SepaMessages.MalformedXml(where, exception.Message);
    }
}
