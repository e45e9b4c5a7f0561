using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading;

/// <summary>The ISO 20022 namespaces the reader accepts, with the message each one contains.</summary>
internal static class MessageFormats
{
    private const string Prefix = "urn:iso:std:iso:20022:tech:xsd:";

    private static readonly Dictionary<string, (BankMessageKind Kind, string Body)> Supported = new(StringComparer.Ordinal)
    {
        [Prefix + "camt.052.001.02"] = (BankMessageKind.Camt052, "BkToCstmrAcctRpt"),
        [Prefix + "camt.052.001.04"] = (BankMessageKind.Camt052, "BkToCstmrAcctRpt"),
        [Prefix + "camt.052.001.08"] = (BankMessageKind.Camt052, "BkToCstmrAcctRpt"),
        [Prefix + "camt.053.001.02"] = (BankMessageKind.Camt053, "BkToCstmrStmt"),
        [Prefix + "camt.053.001.04"] = (BankMessageKind.Camt053, "BkToCstmrStmt"),
        [Prefix + "camt.053.001.08"] = (BankMessageKind.Camt053, "BkToCstmrStmt"),
        [Prefix + "camt.054.001.02"] = (BankMessageKind.Camt054, "BkToCstmrDbtCdtNtfctn"),
        [Prefix + "camt.054.001.04"] = (BankMessageKind.Camt054, "BkToCstmrDbtCdtNtfctn"),
        [Prefix + "camt.054.001.08"] = (BankMessageKind.Camt054, "BkToCstmrDbtCdtNtfctn"),
        [Prefix + "pain.002.001.03"] = (BankMessageKind.Pain002, "CstmrPmtStsRpt"),
        [Prefix + "pain.002.001.10"] = (BankMessageKind.Pain002, "CstmrPmtStsRpt"),
    };

    public static IEnumerable<string> SupportedNamespaces => Supported.Keys;

    public static bool TryGet(string ns, out BankMessageKind kind, out string body)
    {
        var found = Supported.TryGetValue(ns, out var format);
        kind = format.Kind;
        body = format.Body ?? "";
        return found;
    }

    /// <summary>Whether the namespace is a direct debit initiation (ISO or a German DK variant).</summary>
    public static bool IsOutgoingDirectDebit(string ns) =>
        ns.StartsWith(Prefix + "pain.008.", StringComparison.Ordinal);

    /// <summary>The block element that holds the entries: Rpt, Stmt or Ntfctn.</summary>
    public static string StatementElement(BankMessageKind kind) => kind switch
    {
        BankMessageKind.Camt052 => "Rpt",
        BankMessageKind.Camt053 => "Stmt",
        BankMessageKind.Camt054 => "Ntfctn",
        _ => "",
    };

    /// <summary>The short message name, for example "camt.053.001.02".</summary>
    public static string ShortName(string ns) =>
        ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..] : ns;
}
