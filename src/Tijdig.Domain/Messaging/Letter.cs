namespace Tijdig.Domain.Messaging;

/// <summary>
/// A PDF letter and its proof of sending: the file under the data directory, its SHA-256 and the
/// sending date the statutory term is counted from.
/// </summary>
public sealed class Letter
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    /// <summary>The outbox message the letter was made for.</summary>
    public long MessageId { get; set; }

    public required string Step { get; set; }

    /// <summary>The path relative to the data directory, for example <c>letters/2026-04-09/tijdig-42.pdf</c>.</summary>
    public required string FilePath { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>The date the letter is posted; the presumed receipt and the 14-day term count from it.</summary>
    public DateOnly SendingDate { get; set; }

    /// <summary>The last day of the statutory term printed in the letter; null for letters without one.</summary>
    public DateOnly? TermEndDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the letter went out in a print batch; null while it waits for one.</summary>
    public DateTimeOffset? ExportedAt { get; set; }
}
