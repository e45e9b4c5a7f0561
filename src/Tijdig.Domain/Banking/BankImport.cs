namespace Tijdig.Domain.Banking;

/// <summary>One bank file that was imported, identified by the hash of its bytes.</summary>
public sealed class BankImport
{
    public long Id { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public required string MessageKind { get; set; }

    public required string MessageId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int EntryCount { get; set; }

    public int NewEntryCount { get; set; }
}
