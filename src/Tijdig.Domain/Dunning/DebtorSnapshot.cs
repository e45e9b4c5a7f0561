using Tijdig.Domain.Ledger;

namespace Tijdig.Domain.Dunning;

/// <summary>What the engine needs to know about one debtor on a business date.</summary>
public sealed record DebtorSnapshot(
    long DebtorId,
    string DebtorNumber,
    PaymentMethod PaymentMethod,
    bool HasMobile,
    bool HasEmail,
    DateOnly? PausedUntil,
    DateOnly? LastMessageDate,
    bool HasOpenClaim,
    IReadOnlyList<InvoiceSnapshot> OpenInvoices,
    IReadOnlyList<ReturnedCollection> UnhandledReturns);

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
    bool CollectionPending);

public sealed record ReturnedCollection(
    long CollectionId,
    long InvoiceId,
    string InvoiceNumber,
    long OpenCents,
    string ReasonCode);
