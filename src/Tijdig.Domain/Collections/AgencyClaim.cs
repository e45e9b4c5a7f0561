namespace Tijdig.Domain.Collections;

public enum ClaimStatus
{
    Created,
    Submitted,
    Paid,
    Recalled,
}

/// <summary>A debtor's unpaid invoices handed to a collection agency after the last chance ran out.</summary>
public sealed class AgencyClaim
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    public required string Agency { get; set; }

    public long PrincipalCents { get; set; }

    public long CollectionCostsCents { get; set; }

    public string InvoiceNumbers { get; set; } = "";

    public DateOnly CreatedOn { get; set; }

    public ClaimStatus Status { get; set; }
}
