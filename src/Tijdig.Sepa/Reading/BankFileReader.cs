using System.Text;
using System.Xml;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading.Mt940;
using Tijdig.Sepa.Reading.Xml;

namespace Tijdig.Sepa.Reading;

/// <summary>
/// Reads the files a bank sends back: camt.052, camt.053 and camt.054 (versions .001.02, .04 and .08),
/// pain.002 (.001.03 and .10) and MT940. The message is detected from the root element and its
/// namespace, or from the MT940 ":20:" field. Bad input gives a failed <see cref="SepaResult{T}"/>
/// naming the element path (or line) and the problem; these methods do not throw for bad input.
/// DTDs are rejected and no external resource is resolved.
/// </summary>
public static class BankFileReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Reads the whole file into memory. For large statement files use <see cref="ReadEntries"/>.</summary>
    public static SepaResult<BankDocument> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        var statements = new List<BankStatement>();
        var entries = new List<BankEntry>();
        void OnEntry(BankStatementHeader header, BankEntry entry) => entries.Add(entry);
        void OnStatementEnd(BankStatementHeader header)
        {
            statements.Add(new BankStatement(header.StatementId, header.AccountIban, header.Currency, header.ElectronicSequenceNumber, header.CreatedAt, entries));
            entries = [];
        }

        return Run(stream, allowStatusReport: true, OnEntry, OnStatementEnd, summary =>
            new BankDocument(summary.Kind, summary.Namespace, summary.MessageId, summary.CreatedAt, statements, null));
    }

    /// <summary>
    /// Streams the entries of a camt.052/053/054 or MT940 file to <paramref name="onEntry"/>, one at a time,
    /// so memory does not grow with the file. A pain.002 has no entries and gives an error.
    /// Entries passed before an error was found have already been delivered.
    /// </summary>
    public static SepaResult<BankFileSummary> ReadEntries(Stream stream, Action<BankStatementHeader, BankEntry> onEntry)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onEntry);

        return Run(stream, allowStatusReport: false, onEntry, _ => { }, summary => summary);
    }

    /// <summary>
    /// Reads entries like <see cref="ReadEntries(Stream, Action{BankStatementHeader, BankEntry})"/>, and also
    /// reports the end of each statement, including statements without entries, which never reach <paramref name="onEntry"/>.
    /// </summary>
    public static SepaResult<BankFileSummary> ReadEntries(
        Stream stream,
        Action<BankStatementHeader, BankEntry> onEntry,
        Action<BankStatementHeader> onStatementEnd)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onEntry);
        ArgumentNullException.ThrowIfNull(onStatementEnd);

        return Run(stream, allowStatusReport: false, onEntry, onStatementEnd, summary => summary);
    }

    /// <summary>Detects the message kind from the first element (or the MT940 fields) without reading the rest.</summary>
    public static SepaResult<BankMessageKind> Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        var sniffing = new SniffingStream(stream);
        switch (FileFormatDetector.Detect(sniffing.Prefix))
        {
            case FileFormat.Empty:
                return SepaMessages.EmptyFile();
            case FileFormat.Mt940:
                return SepaResult<BankMessageKind>.Ok(BankMessageKind.Mt940);
            case FileFormat.Unknown:
                return SepaMessages.NotXml();
        }

        try
        {
            using var reader = XmlReader.Create(sniffing, Settings);
            var (kind, _, _) = OpenDocument(reader);
            return SepaResult<BankMessageKind>.Ok(kind);
        }
        catch (ReadFailure failure)
        {
            return failure.Error;
        }
        catch (XmlException exception)
        {
            return XmlFailures.Classify(exception, sniffing, "Document");
        }
    }

    private static SepaResult<T> Run<T>(
        Stream stream,
        bool allowStatusReport,
        Action<BankStatementHeader, BankEntry> onEntry,
        Action<BankStatementHeader> onStatementEnd,
        Func<BankFileSummary, T> complete)
    {
        var sniffing = new SniffingStream(stream);
        switch (FileFormatDetector.Detect(sniffing.Prefix))
        {
            case FileFormat.Empty:
                return SepaMessages.EmptyFile();
            case FileFormat.Unknown:
                return SepaMessages.NotXml();
            case FileFormat.Mt940:
                return ReadMt940(sniffing, onEntry, onStatementEnd, complete);
        }

        var location = "Document";
        try
        {
            using var reader = XmlReader.Create(sniffing, Settings);
            var (kind, ns, body) = OpenDocument(reader);

            if (kind == BankMessageKind.Pain002)
            {
                if (!allowStatusReport)
                {
                    return SepaMessages.NotAStatement(MessageFormats.ShortName(ns));
                }

                var pain = new Pain002Parser(ns);
                try
                {
                    var document = pain.Read(reader);
                    return SepaResult<T>.Ok((T)(object)document);
                }
                finally
                {
                    location = pain.Location;
                }
            }

            var camt = new CamtStreamReader(kind, ns, body, onEntry, onStatementEnd);
            try
            {
                return SepaResult<T>.Ok(complete(camt.Read(reader)));
            }
            finally
            {
                location = camt.Location;
            }
        }
        catch (ReadFailure failure)
        {
            return failure.Error;
        }
        catch (XmlException exception)
        {
            return XmlFailures.Classify(exception, sniffing, location);
        }
    }

    private static SepaResult<T> ReadMt940<T>(
        SniffingStream stream,
        Action<BankStatementHeader, BankEntry> onEntry,
        Action<BankStatementHeader> onStatementEnd,
        Func<BankFileSummary, T> complete)
    {
        try
        {
            // MT940 is ASCII in practice; Latin-1 keeps any older bank's accented bytes instead of failing.
            var encoding = LooksLikeUtf8(stream.Prefix) ? Encoding.UTF8 : Encoding.Latin1;
            using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var parser = new Mt940Parser(onEntry, onStatementEnd);
            return SepaResult<T>.Ok(complete(parser.Read(text)));
        }
        catch (ReadFailure failure)
        {
            return failure.Error;
        }
    }

    /// <summary>Positions the reader on the root element and checks that it is a supported incoming message.</summary>
    private static (BankMessageKind Kind, string Namespace, string Body) OpenDocument(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new ReadFailure(SepaMessages.Truncated("Document"));
        }

        if (reader.LocalName != "Document")
        {
            throw new ReadFailure(SepaMessages.UnexpectedRoot(reader.LocalName, "Document", reader.LocalName));
        }

        var ns = reader.NamespaceURI;
        if (MessageFormats.IsOutgoingDirectDebit(ns))
        {
            throw new ReadFailure(SepaMessages.OutgoingMessage(MessageFormats.ShortName(ns)));
        }

        if (!MessageFormats.TryGet(ns, out var kind, out var body))
        {
            throw new ReadFailure(SepaMessages.UnsupportedNamespace(ns, MessageFormats.SupportedNamespaces));
        }

        return (kind, ns, body);
    }

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> prefix)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(prefix);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // The prefix may end inside a multi-byte character; that is rare enough to fall back to Latin-1.
            return false;
        }
    }
}
