using System.Globalization;

namespace Tijdig.Sepa;

/// <summary>
/// Every user-facing message of the library, so that callers and tests can rely on one wording.
/// Each error has a stable <see cref="SepaError.Code"/> that a host can map to its own (Dutch) text.
/// </summary>
public static class SepaMessages
{
    public const string NotXmlCode = "not-xml";
    public const string EmptyFileCode = "empty-file";
    public const string MalformedXmlCode = "malformed-xml";
    public const string TruncatedCode = "truncated";
    public const string DtdProhibitedCode = "dtd-prohibited";
    public const string EncodingCode = "invalid-encoding";
    public const string UnsupportedNamespaceCode = "unsupported-namespace";
    public const string OutgoingMessageCode = "outgoing-message";
    public const string UnexpectedRootCode = "unexpected-root";
    public const string MissingElementCode = "missing-element";
    public const string InvalidAmountCode = "invalid-amount";
    public const string InvalidValueCode = "invalid-value";
    public const string NotAStatementCode = "not-a-statement";
    public const string InvalidIdentifierCode = "invalid-identifier";

    internal static SepaError EmptyFile() =>
        new(EmptyFileCode, "The file is empty.");

    internal static SepaError NotXml() =>
        new(NotXmlCode, "The file is neither XML nor an MT940 statement: it does not start with '<' and has no ':20:' field.");

    internal static SepaError MalformedXml(string? location, string detail) =>
        new(MalformedXmlCode, $"The file is not well-formed XML ({detail}).", location);

    internal static SepaError Truncated(string? location) =>
        new(TruncatedCode, "The file ends before its XML is complete; it was probably truncated during upload or download.", location);

    internal static SepaError DtdProhibited() =>
        new(DtdProhibitedCode, "The file contains a document type definition (<!DOCTYPE>), which bank files never contain; it is rejected to prevent entity expansion attacks.");

    internal static SepaError InvalidEncoding(string? location, string detail) =>
        new(EncodingCode, $"The file contains bytes that are invalid in its declared encoding; bank files must be UTF-8 ({detail}).", location);

    internal static SepaError UnsupportedNamespace(string found, IEnumerable<string> supported) =>
        new(UnsupportedNamespaceCode,
            $"Unsupported message namespace '{found}'. Supported namespaces: {string.Join(", ", supported)}. "
            + "German DK variants such as pain.008.002.02 and pain.008.003.02 are not ISO namespaces.",
            "Document") { Value = found };

    internal static SepaError OutgoingMessage(string found) =>
        new(OutgoingMessageCode,
            $"The file is a {found} direct debit initiation, the message you send to the bank; upload the bank's response instead (camt.053, camt.054, camt.052, pain.002 or MT940).",
            "Document") { Value = found };

    internal static SepaError UnexpectedRoot(string location, string expected, string found) =>
        new(UnexpectedRootCode, $"Expected element '{expected}' but found '{found}'.", location) { Value = found };

    internal static SepaError MissingElement(string location, string element) =>
        new(MissingElementCode, $"Mandatory element '{element}' is missing.", location) { Value = element };

    internal static SepaError AmountNegative(string location, string text) =>
        new(InvalidAmountCode, $"Amount '{text}' is negative; ISO 20022 amounts are positive and CdtDbtInd gives the sign.", location) { Value = text };

    internal static SepaError AmountTooManyDecimals(string location, string text) =>
        new(InvalidAmountCode, $"Amount '{text}' has more than two decimals.", location) { Value = text };

    /// <summary>The smallest amount the readers reject, so that an amount in cents always fits in a <see cref="long"/>.</summary>
    internal const decimal AmountLimit = 10_000_000_000_000_000m;

    internal static SepaError AmountTooLarge(string location, string text) =>
        new(InvalidAmountCode, $"Amount '{text}' is too large; the limit is 9999999999999999.99.", location) { Value = text };

    internal static SepaError AmountNotANumber(string location, string text) =>
        new(InvalidAmountCode, $"Amount '{text}' is not a decimal number.", location) { Value = text };

    internal static SepaError InvalidValue(string location, string text, string expected) =>
        new(InvalidValueCode, $"Invalid value '{text}'; expected {expected}.", location) { Value = text };

    internal static SepaError NotAStatement(string kind) =>
        new(NotAStatementCode, $"A {kind} file contains no account entries; read it with BankFileReader.Read.", "Document");

    internal static SepaError InvalidIdentifier(string what, string reason) =>
        new(InvalidIdentifierCode, $"Invalid {what}: {reason}.");

    internal static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
