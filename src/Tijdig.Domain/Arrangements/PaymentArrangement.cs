namespace Tijdig.Domain.Arrangements;

public enum ArrangementStatus
{
    Active,
    Completed,

    /// <summary>An instalment stayed unpaid past its grace period; dunning resumes.</summary>
    Broken,
}

/// <summary>
/// A payment arrangement (betalingsregeling): the open balance of a debtor on the booking date,
/// split into instalments. While it is active, dunning of the covered invoices waits.
/// </summary>
public sealed class PaymentArrangement
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    public DateOnly BookedOn { get; set; }

    public long TotalCents { get; set; }

    /// <summary>Comma-separated invoice numbers the arrangement covers.</summary>
    public string InvoiceNumbers { get; set; } = "";

    public ArrangementStatus Status { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>Where the request came from ("portal", "beheer"), for the audit trail.</summary>
    public string Channel { get; set; } = "";

    public List<Instalment> Instalments { get; set; } = [];
}

/// <summary>One instalment. It counts as paid when the payments on the covered invoices since booking reach the sum of it and all earlier ones.</summary>
public sealed class Instalment
{
    public long Id { get; set; }

    public long ArrangementId { get; set; }

    /// <summary>1 for the first instalment.</summary>
    public int Number { get; set; }

    public DateOnly DueDate { get; set; }

    public long AmountCents { get; set; }

    public DateOnly? ReminderSentOn { get; set; }
}
