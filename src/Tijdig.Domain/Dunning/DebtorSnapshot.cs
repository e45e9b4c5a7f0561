using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;

namespace Tijdig.Domain.Dunning;

/// <summary>What the engine needs to know about one debtor on a business date.</summary>
public sealed record DebtorSnapshot(
    long DebtorId,
    string DebtorNumber,
    PaymentMethod PaymentMethod,
    bool HasMobile,
    bool HasEmail,
    IReadOnlyList<PauseWindow> Pauses,
    DateOnly? LastMessageDate,
    bool HasOpenClaim,
    IReadOnlyList<InvoiceSnapshot> OpenInvoices,
    IReadOnlyList<ReturnedCollection> UnhandledReturns)
{
    /// <summary>The policy segment; null for the default policy.</summary>
    public string? Segment { get; init; }

    /// <summary>Collection costs charged to this debtor in the last six months, for the cap on small recurring claims.</summary>
    public long RecentCollectionCostsCents { get; init; }

    /// <summary>
    /// Money received from this debtor but not yet allocated to an invoice (a payment in flight).
    /// The engine counts it against the oldest overdue invoices, so that nobody who paid is reminded.
    /// </summary>
    public long InFlightCents { get; init; }
}

/// <summary>
/// An open invoice. <see cref="CollectionPending"/> is true while a direct debit for it is
/// submitted and neither settled nor returned: that money is in flight, so no reminder goes out.
/// </summary>
public sealed record InvoiceSnapshot(
    long InvoiceId,
    string InvoiceNumber,
    DateOnly DueDate,
    long OpenCents,
    int DunningLevel,
    DateOnly? LastChanceSentOn,
    DateOnly? PreReminderSentOn,
    bool CollectionPending)
{
    /// <summary>The invoice amount; 0 means unknown and then the open amount is used.</summary>
    public long AmountCents { get; init; }

    /// <summary>The date a refund or reversal reopened this paid invoice; dunning then restarts from the first step.</summary>
    public DateOnly? ReopenedOn { get; init; }

    /// <summary>A planned re-presentation of the direct debit; reminders wait until that date has passed.</summary>
    public DateOnly? RepresentOn { get; init; }
}

/// <param name="Attempt">1 for the first collection, 2 for the first re-presentation.</param>
public sealed record ReturnedCollection(
    long CollectionId,
    long InvoiceId,
    string InvoiceNumber,
    long OpenCents,
    string ReasonCode,
    int Attempt = 1,
    DateOnly? ReturnedOn = null);
