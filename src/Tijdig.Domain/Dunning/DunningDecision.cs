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
}
