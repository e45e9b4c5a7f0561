using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading;

/// <summary>
/// Totals of a file read with <see cref="BankFileReader.ReadEntries"/>.
/// <see cref="CreditTotal"/> and <see cref="DebitTotal"/> are sums of positive entry amounts per direction.
/// </summary>
public sealed record BankFileSummary(
    BankMessageKind Kind,
    string Namespace,
    string MessageId,
    DateTimeOffset? CreatedAt,
    int StatementCount,
    int EntryCount,
    decimal CreditTotal,
    decimal DebitTotal);
