using Tijdig.Domain.Dunning.Law;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Domain.Dunning;

public enum DecisionKind
{
    PreReminder,
    FailedDirectDebit,
    ArrearsStep,
    Termination,
    SwitchToManualPayment,
    NoContactDetails,
}

/// <summary>
/// What the engine decided for one debtor. <see cref="Reason"/> is Dutch because the credit team
/// shows it to parents.
/// </summary>
public sealed record DunningDecision(
    long DebtorId,
    string DebtorNumber,
    DecisionKind Kind,
    string Step,
    IReadOnlyList<MessageChannel> Channels,
    long AmountCents,
    IReadOnlyList<InvoiceSnapshot> Invoices,
    PaymentRequestPurpose? PaymentRequestPurpose,
    int PaymentRequestExpiryDays,
    string Reason)
{
    /// <summary>The dunning level the invoices reach with this decision; 0 when it does not change.</summary>
    public int NewDunningLevel { get; init; }

    public bool IsStatutoryNotice { get; init; }

    /// <summary>Returned collections this decision acts on, so that they are acted on once.</summary>
    public IReadOnlyList<ReturnedCollection> HandledReturns { get; init; } = [];

    /// <summary>Invoices whose direct debit goes out again, with the collection date.</summary>
    public IReadOnlyList<Representation> Representations { get; init; } = [];

    /// <summary>For the statutory letter and the claim: the collection costs the letter states or the claim charges.</summary>
    public CollectionCostQuote? CollectionCosts { get; init; }

    /// <summary>For the statutory letter: the last day of the term, printed as a date. For a termination: the term that has run.</summary>
    public DateOnly? StatutoryTermEnd { get; init; }

    /// <summary>For a termination: the 14-day letter's posting date.</summary>
    public DateOnly? StatutoryLetterSentOn { get; init; }

    /// <summary>Statutory interest up to the business date over <see cref="Invoices"/>, computed per invoice from its day of default.</summary>
    public long InterestCents { get; init; }

    /// <summary>The policy version that made this decision.</summary>
    public string PolicyVersion { get; init; } = "";
}

public sealed record Representation(long InvoiceId, long CollectionId, DateOnly CollectionDate);
