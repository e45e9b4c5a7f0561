namespace Tijdig.Domain.Banking;

/// <summary>
/// One account statement (camt Stmt, Rpt or Ntfctn block, or MT940 statement) that was imported,
/// identified by account, statement id, electronic sequence number and message id. A second file
/// with other bytes but the same statement is recognised by <see cref="IdentityKey"/>.
/// </summary>
public sealed class BankStatementRecord
{
    public long Id { get; set; }

    public long BankImportId { get; set; }

    /// <summary>SHA-256 (hex) of the identity parts, unique.</summary>
    public required string IdentityKey { get; set; }

    public required string MessageKind { get; set; }

    public string? AccountIban { get; set; }

    public required string StatementId { get; set; }

    public long? ElectronicSequenceNumber { get; set; }

    public required string MessageId { get; set; }

    public int EntryCount { get; set; }
}
