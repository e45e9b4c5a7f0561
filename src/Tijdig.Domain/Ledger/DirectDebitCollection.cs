namespace Tijdig.Domain.Ledger;

public enum CollectionStatus
{
    Submitted,
    Settled,
    Rejected,
    Returned,
}

/// <summary>One attempt to collect an invoice by SEPA direct debit, with the ids written in the pain.008.</summary>
public sealed class DirectDebitCollection
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public long DebtorId { get; set; }

    public int Attempt { get; set; }

    public required string MessageId { get; set; }

    public required string PaymentInformationId { get; set; }

    public required string EndToEndId { get; set; }

    public required string MandateId { get; set; }

    public DateOnly CollectionDate { get; set; }

    public long AmountCents { get; set; }

    public CollectionStatus Status { get; set; }

    public string? ReasonCode { get; set; }

    public DateOnly? ReturnedOn { get; set; }

    /// <summary>Set when the dunning cycle has acted on the return, so it acts once.</summary>
    public DateOnly? HandledOn { get; set; }
}
