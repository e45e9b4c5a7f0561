using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading;

/// <summary>
/// The statement an entry belongs to, passed with every entry by <see cref="BankFileReader.ReadEntries"/>.
/// <see cref="StatementIndex"/> counts statements in the file from 0.
/// </summary>
public sealed record BankStatementHeader(
    BankMessageKind Kind,
    string MessageId,
    int StatementIndex,
    string StatementId,
    string? AccountIban,
    string? Currency,
    long? ElectronicSequenceNumber,
    DateTimeOffset? CreatedAt);
