namespace Tijdig.Domain.Ledger;

public enum PaymentSource
{
    BankTransfer,
    DirectDebit,
    Tikkie,
    Agency,
}

/// <summary>
/// Money received. <see cref="ExternalReference"/> is unique per source (bank entry key, Tikkie
/// payment token) so that the same payment is never booked twice.
/// </summary>
public sealed class Payment
{
    public long Id { get; set; }

    public long? DebtorId { get; set; }

    public PaymentSource Source { get; set; }

    public required string ExternalReference { get; set; }

    public DateOnly BookingDate { get; set; }

    public long AmountCents { get; set; }

    /// <summary>What is left after allocation: a credit balance that can be refunded.</summary>
    public long UnallocatedCents { get; set; }

    public string? CounterpartyName { get; set; }

    /// <summary>The Tikkie payment request a Tikkie payment was made on, needed to refund it; null for other sources.</summary>
    public long? PaymentRequestId { get; set; }

    public List<Allocation> Allocations { get; set; } = [];
}

/// <summary>The part of a payment that settles one invoice. A negative amount reopens the invoice (a refund).</summary>
public sealed class Allocation
{
    public long Id { get; set; }

    public long PaymentId { get; set; }

    public long InvoiceId { get; set; }

    public long AmountCents { get; set; }
}
