namespace Tijdig.Domain.Collections;

public enum ClaimStatus
{
    Created,
    Submitted,
    InProgress,
    Paid,
    Recalled,
    Closed,
}

/// <summary>A debtor's unpaid invoices handed to a collection agency after the last chance ran out.</summary>
public sealed class AgencyClaim
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    /// <summary>The agency key from configuration.</summary>
    public required string Agency { get; set; }

    public long PrincipalCents { get; set; }

    /// <summary>The collection costs without VAT, as stated in the 14-day letter or less.</summary>
    public long CollectionCostsCents { get; set; }

    public long CollectionCostsVatCents { get; set; }

    /// <summary>Statutory interest up to <see cref="CreatedOn"/>, shown even when the policy waives it.</summary>
    public long InterestCents { get; set; }

    public bool InterestCharged { get; set; }

    public string InvoiceNumbers { get; set; } = "";

    /// <summary>The posting date of the 14-day letter that the claim rests on.</summary>
    public DateOnly? StatutoryLetterSentOn { get; set; }

    public DateOnly? StatutoryTermEnd { get; set; }

    public DateOnly CreatedOn { get; set; }

    public ClaimStatus Status { get; set; }

    public DateOnly? StatusChangedOn { get; set; }

    /// <summary>What the agency reports as collected and passed on.</summary>
    public long AgencyCollectedCents { get; set; }

    public DateOnly? RecalledOn { get; set; }

    public string? RecallReason { get; set; }
}
