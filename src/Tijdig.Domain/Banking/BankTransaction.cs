namespace Tijdig.Domain.Banking;

public enum MatchOutcome
{
    /// <summary>An incoming payment booked on one or more invoices.</summary>
    Matched,

    /// <summary>A returned or rejected direct debit, recorded on its collection.</summary>
    Return,

    /// <summary>A direct-debit batch credit that settled collections.</summary>
    CollectionSettled,

    /// <summary>Nothing matched: waits in the work queue for a person.</summary>
    Unmatched,

    /// <summary>Entries Tijdig does not act on (outgoing payments, bank charges).</summary>
    Ignored,
}

/// <summary>
/// One bank entry or status line as imported. <see cref="EntryKey"/> identifies it across files
/// (the servicer reference, else a hash of its content), so overlapping files book nothing twice.
/// </summary>
public sealed class BankTransaction
{
    public long Id { get; set; }

    public long BankImportId { get; set; }

    public required string EntryKey { get; set; }

    public DateOnly? BookingDate { get; set; }

    /// <summary>Signed amount in cents: positive for credits, negative for debits.</summary>
    public long AmountCents { get; set; }

    public string? EndToEndId { get; set; }

    public string? MandateId { get; set; }

    public string? RemittanceInformation { get; set; }

    public string? StructuredReference { get; set; }

    public string? CounterpartyName { get; set; }

    public string? CounterpartyIban { get; set; }

    public string? ReasonCode { get; set; }

    public MatchOutcome Outcome { get; set; }

    /// <summary>Which rule matched ("structured-reference", "end-to-end-id", ...), for the audit trail.</summary>
    public string? MatchRule { get; set; }

    public long? DebtorId { get; set; }

    public DateOnly? ResolvedOn { get; set; }
}
