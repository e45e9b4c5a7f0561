namespace Tijdig.Domain.Ledger;

public enum PaymentMethod
{
    DirectDebit,
    Transfer,
}

/// <summary>A parent or other customer who owes money. Contact details are personal data: never log them.</summary>
public sealed class Debtor
{
    public long Id { get; set; }

    public required string DebtorNumber { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>Mobile number in E.164 (+316...).</summary>
    public string? Mobile { get; set; }

    /// <summary>Street and house number of the postal address, needed for letters.</summary>
    public string? Street { get; set; }

    /// <summary>Dutch postcode as "1234 AB": the letter address, and the region for assigning claims to agencies.</summary>
    public string? Postcode { get; set; }

    public string? City { get; set; }

    public string? Iban { get; set; }

    public string? Bic { get; set; }

    public string? MandateId { get; set; }

    public DateOnly? MandateSignatureDate { get; set; }

    public PaymentMethod PaymentMethod { get; set; }

    /// <summary>"nl" or "en": the language of every message to this debtor.</summary>
    public string Language { get; set; } = "nl";

    /// <summary>Dunning waits until this date (an arrangement, a dispute, hardship); null when not paused.</summary>
    public DateOnly? DunningPausedUntil { get; set; }

    public string? PauseReason { get; set; }

    /// <summary>The policy segment ("new-customer", "late-payer", "hardship"); null for the default policy.</summary>
    public string? DunningSegment { get; set; }

    public List<Contract> Contracts { get; set; } = [];

    public List<Invoice> Invoices { get; set; } = [];
}
