namespace Tijdig.Domain.Ledger;

/// <summary>
/// A claim on a debtor. <see cref="OpenCents"/> is kept in step with the allocations so that
/// the dunning engine can read open amounts without summing payments.
/// </summary>
public sealed class Invoice
{
    public long Id { get; set; }

    public required string InvoiceNumber { get; set; }

    public long DebtorId { get; set; }

    public Debtor? Debtor { get; set; }

    public long? ContractId { get; set; }

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public long AmountCents { get; set; }

    public long OpenCents { get; set; }

    /// <summary>Dutch structured payment reference (betalingskenmerk), 16 digits.</summary>
    public required string PaymentReference { get; set; }

    /// <summary>The highest dunning step this invoice has been part of; 0 when none.</summary>
    public int DunningLevel { get; set; }

    /// <summary>The date the statutory 14-day letter covering this invoice was sent.</summary>
    public DateOnly? LastChanceSentOn { get; set; }

    public DateOnly? PreReminderSentOn { get; set; }

    /// <summary>The date on which a returned direct debit goes out again; null when none is planned.</summary>
    public DateOnly? RepresentOn { get; set; }

    public DateOnly? PaidOn { get; set; }

    public bool IsOpen => OpenCents > 0;

    public int DaysPastDue(DateOnly date) => date.DayNumber - DueDate.DayNumber;
}
