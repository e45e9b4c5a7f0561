using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Tikkie;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>Returned direct debits: the SMS Tikkie, re-presentation by reason and attempt, the switch to manual payment.</summary>
public sealed class DirectDebitReturnTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);
    private static readonly DateOnly Returned = new(2026, 3, 6);

    /// <summary>Reason, attempt, expected decision kind, whether it is presented again.</summary>
    public static TheoryData<string, int, DecisionKind, bool> Cases => new()
    {
        { "AM04", 1, DecisionKind.FailedDirectDebit, true },
        { "MS03", 1, DecisionKind.FailedDirectDebit, true },
        { "AM04", 2, DecisionKind.FailedDirectDebit, false },
        { "MS02", 1, DecisionKind.FailedDirectDebit, false },
        { "MD06", 1, DecisionKind.FailedDirectDebit, false },
        { "AC04", 1, DecisionKind.SwitchToManualPayment, false },
        { "MD07", 1, DecisionKind.SwitchToManualPayment, false },
        { "MD01", 1, DecisionKind.SwitchToManualPayment, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Return_FollowsTheReason(string reason, int attempt, DecisionKind kind, bool represented)
    {
        var debtor = Debtor(
            [Invoice("F1", Due)],
            method: PaymentMethod.DirectDebit,
            returns: [new ReturnedCollection(10, 1, "F1", 100_00, reason, attempt, Returned)]);

        var decisions = Engine().Decide(debtor, Returned);

        var decision = Assert.Single(decisions);
        Assert.Equal(kind, decision.Kind);
        Assert.Equal(represented, decision.Representations.Count == 1);
        if (kind == DecisionKind.FailedDirectDebit)
        {
            Assert.Equal(PaymentRequestPurpose.FailedDirectDebit, decision.PaymentRequestPurpose);
            Assert.Equal([Domain.Messaging.MessageChannel.Sms], decision.Channels);
        }
    }

    [Fact]
    public void Represent_AfterThePayDay()
    {
        var debtor = Debtor([Invoice("F1", Due)], method: PaymentMethod.DirectDebit, returns: [new ReturnedCollection(10, 1, "F1", 100_00, "AM04", 1, Returned)]);

        var decision = Assert.Single(Engine().Decide(debtor, Returned));

        // Pay day 25 March 2026 plus one day: Thursday 26 March.
        Assert.Equal(new DateOnly(2026, 3, 26), Assert.Single(decision.Representations).CollectionDate);
    }

    [Fact]
    public void Represent_TwiceWhenConfigured()
    {
        var policy = Reference();
        policy.Representation.MaxAttempts = 2;
        var debtor = Debtor([Invoice("F1", Due)], method: PaymentMethod.DirectDebit, returns: [new ReturnedCollection(11, 1, "F1", 100_00, "AM04", 2, Returned)]);

        var decision = Assert.Single(Engine(policy).Decide(debtor, Returned));

        Assert.Single(decision.Representations);
    }

    [Fact]
    public void Reminder_WaitsForPlannedRepresentation()
    {
        var debtor = Debtor([Invoice("F1", Due) with { RepresentOn = new DateOnly(2026, 3, 26) }], method: PaymentMethod.DirectDebit);

        Assert.Empty(Engine().Decide(debtor, Due.AddDays(21)));
        Assert.Equal("reminder-2", Assert.Single(Engine().Decide(debtor, new DateOnly(2026, 3, 27))).Step);
    }

    [Fact]
    public void NonRetryableReturn_HandledDuringPause()
    {
        var debtor = Debtor(
            [Invoice("F1", Due)],
            method: PaymentMethod.DirectDebit,
            pauses: [new PauseWindow(PauseKind.Hardship, Due, Due.AddDays(90))],
            returns: [new ReturnedCollection(10, 1, "F1", 100_00, "AC04", 1, Returned)]);

        var decision = Assert.Single(Engine().Decide(debtor, Returned));

        Assert.Equal(DecisionKind.SwitchToManualPayment, decision.Kind);
    }

    [Fact]
    public void Refund_RestartsWithFriendlyTikkie()
    {
        // The ledger reopened the invoice at level 0 after an MD06 refund 70 days after the due date.
        var refunded = Due.AddDays(70);
        var debtor = Debtor(
            [Invoice("F1", Due) with { ReopenedOn = refunded }],
            method: PaymentMethod.DirectDebit,
            returns: [new ReturnedCollection(10, 1, "F1", 100_00, "MD06", 1, refunded)]);

        var decision = Assert.Single(Engine().Decide(debtor, refunded));

        Assert.Equal(DecisionKind.FailedDirectDebit, decision.Kind);
        Assert.Equal(PaymentRequestPurpose.FailedDirectDebit, decision.PaymentRequestPurpose);
        Assert.Empty(decision.Representations);
        Assert.False(decision.IsStatutoryNotice);
    }

    [Fact]
    public void RepresentationOfForbiddenReason_RejectedByValidation()
    {
        var policy = Reference();
        policy.Representation.ReasonCodes.Add("MD06");

        var error = Assert.Throws<ArgumentException>(() => Engine(policy));

        Assert.Contains("MD06", error.Message, StringComparison.Ordinal);
    }
}
