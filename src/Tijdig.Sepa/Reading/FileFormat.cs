namespace Tijdig.Sepa.Reading;

/// <summary>The container format found in a file's first bytes.</summary>
internal enum FileFormat
{
    Empty,
    Xml,
    Mt940,
    Unknown,
}

internal static class FileFormatDetector
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Mt940Field => ":20:"u8;

    private static ReadOnlySpan<byte> DoctypeMarker => "<!DOCTYPE"u8;

    public static FileFormat Detect(ReadOnlySpan<byte> prefix)
    {
        var start = prefix.StartsWith(Utf8Bom) ? prefix[3..] : prefix;
        if (prefix.Length >= 2 && (prefix[0] == 0xFF && prefix[1] == 0xFE || prefix[0] == 0xFE && prefix[1] == 0xFF))
        {
            // UTF-16 byte order mark: only XML is written like that; the XML reader checks the rest.
            return FileFormat.Xml;
        }

        var trimmed = start.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return FileFormat.Empty;
        }

        if (trimmed[0] == (byte)'<')
        {
            return FileFormat.Xml;
        }

        return trimmed.IndexOf(Mt940Field) >= 0 ? FileFormat.Mt940 : FileFormat.Unknown;
    }

    public static bool ContainsDoctype(ReadOnlySpan<byte> prefix) => prefix.IndexOf(DoctypeMarker) >= 0;
}
