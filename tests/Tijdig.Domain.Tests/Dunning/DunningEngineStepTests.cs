using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>Which message the engine sends for one debtor on one date: the arrears ladder, catch-up, pauses and guards.</summary>
public sealed class DunningEngineStepTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);

    /// <summary>Case name, debtor, business date, expected step (null for no message), expected new level.</summary>
    public static TheoryData<string, DebtorSnapshot, DateOnly, string?, int> Cases => new()
    {
        // The ladder on its days.
        { "6 days past due: nothing yet", Debtor([Invoice("F1", Due)]), Due.AddDays(6), null, 0 },
        { "7 days: reminder 1", Debtor([Invoice("F1", Due)]), Due.AddDays(7), "reminder-1", 1 },
        { "20 days at level 1: nothing", Debtor([Invoice("F1", Due, level: 1)]), Due.AddDays(20), null, 0 },
        { "21 days at level 1: reminder 2", Debtor([Invoice("F1", Due, level: 1)]), Due.AddDays(21), "reminder-2", 2 },
        { "35 days at level 2: the letter", Debtor([Invoice("F1", Due, level: 2)]), Due.AddDays(35), "last-chance", 3 },
        { "reminder 1 sent: not again", Debtor([Invoice("F1", Due, level: 1)]), Due.AddDays(8), null, 0 },

        // State-based catch-up after missed days: the step due now, once.
        { "missed days to day 25: reminder 2 directly", Debtor([Invoice("F1", Due)]), Due.AddDays(25), "reminder-2", 2 },
        { "missed days to day 40: the letter", Debtor([Invoice("F1", Due)]), Due.AddDays(40), "last-chance", 3 },
        { "missed days to day 200: the letter, never termination", Debtor([Invoice("F1", Due)]), Due.AddDays(200), "last-chance", 3 },
        { "level 3 without a posting date: the letter again", Debtor([Invoice("F1", Due, level: 3)]), Due.AddDays(90), "last-chance", 3 },

        // Consolidation at the step of the oldest invoice.
        { "two invoices: step of the oldest", Debtor([Invoice("F2", Due.AddMonths(1)), Invoice("F1", Due, level: 1)]), Due.AddDays(21), "reminder-2", 2 },
        { "newer invoice at a higher level: the oldest decides", Debtor([Invoice("F1", Due), Invoice("F2", Due.AddDays(10), level: 2)]), Due.AddDays(21), "reminder-2", 2 },

        // One message per day.
        { "already messaged today", Debtor([Invoice("F1", Due)], lastMessage: Due.AddDays(7)), Due.AddDays(7), null, 0 },
        { "messaged yesterday", Debtor([Invoice("F1", Due)], lastMessage: Due.AddDays(6)), Due.AddDays(7), "reminder-1", 1 },

        // Minimum amount.
        { "4.99 is below the minimum", Debtor([Invoice("F1", Due, openCents: 4_99)]), Due.AddDays(7), null, 0 },
        { "5.00 is the minimum", Debtor([Invoice("F1", Due, openCents: 5_00)]), Due.AddDays(7), "reminder-1", 1 },
        { "two small invoices add up", Debtor([Invoice("F1", Due, openCents: 3_00), Invoice("F2", Due, openCents: 3_00)]), Due.AddDays(7), "reminder-1", 1 },

        // Payments in flight.
        { "direct debit in flight", Debtor([Invoice("F1", Due, pending: true)]), Due.AddDays(7), null, 0 },
        { "unallocated payment covers it", Debtor([Invoice("F1", Due)]) with { InFlightCents = 100_00 }, Due.AddDays(7), null, 0 },
        { "unallocated payment leaves 5.00", Debtor([Invoice("F1", Due)]) with { InFlightCents = 95_00 }, Due.AddDays(7), "reminder-1", 1 },

        // Pauses.
        { "arrangement pause active", Debtor([Invoice("F1", Due)], pauses: [new(PauseKind.Arrangement, Due, Due.AddDays(30))]), Due.AddDays(7), null, 0 },
        { "promise to pay until today", Debtor([Invoice("F1", Due)], pauses: [new(PauseKind.PromiseToPay, Due, Due.AddDays(10))]), Due.AddDays(10), null, 0 },
        { "promise to pay ran out: resumes, catches up", Debtor([Invoice("F1", Due)], pauses: [new(PauseKind.PromiseToPay, Due, Due.AddDays(24))]), Due.AddDays(25), "reminder-2", 2 },
        { "dispute starts tomorrow", Debtor([Invoice("F1", Due)], pauses: [new(PauseKind.Dispute, Due.AddDays(8), Due.AddDays(30))]), Due.AddDays(7), "reminder-1", 1 },
        { "moratorium covers old arrears", Debtor([Invoice("F1", Due)], pauses: [new(PauseKind.Moratorium, Due.AddDays(1), Due.AddDays(366))]), Due.AddDays(40), null, 0 },
        {
            "moratorium: a current invoice continues",
            Debtor([Invoice("F1", Due), Invoice("F2", Due.AddDays(30))], pauses: [new(PauseKind.Moratorium, Due.AddDays(1), Due.AddDays(366))]),
            Due.AddDays(37), "reminder-1", 1
        },

        // Refunds: the ledger reopens the invoice at level 0; the engine starts friendly again.
        { "reopened today, 60 days past due: nothing yet", Debtor([Invoice("F1", Due) with { ReopenedOn = Due.AddDays(60) }]), Due.AddDays(60), null, 0 },
        { "reopened 7 days ago: reminder 1, not the letter", Debtor([Invoice("F1", Due) with { ReopenedOn = Due.AddDays(60) }]), Due.AddDays(67), "reminder-1", 1 },
        { "reopened 21 days ago at level 1: reminder 2", Debtor([Invoice("F1", Due, level: 1) with { ReopenedOn = Due.AddDays(60) }]), Due.AddDays(81), "reminder-2", 2 },
        { "reopened 20 days ago at level 1: nothing", Debtor([Invoice("F1", Due, level: 1) with { ReopenedOn = Due.AddDays(60) }]), Due.AddDays(80), null, 0 },

        // Pre-reminders for manual payers.
        { "due in 3 days: pre-reminder", Debtor([Invoice("F1", Due)]), Due.AddDays(-3), "pre-reminder", 0 },
        { "due in 4 days: nothing", Debtor([Invoice("F1", Due)]), Due.AddDays(-4), null, 0 },
        { "direct debit payer: no pre-reminder", Debtor([Invoice("F1", Due)], method: PaymentMethod.DirectDebit), Due.AddDays(-3), null, 0 },
        { "pre-reminder sent: not again", Debtor([Invoice("F1", Due) with { PreReminderSentOn = Due.AddDays(-3) }]), Due.AddDays(-2), null, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_TakesTheStepDueNow(string name, DebtorSnapshot debtor, DateOnly date, string? step, int level)
    {
        var messages = Engine().Decide(debtor, date).Where(d => d.Kind != DecisionKind.SwitchToManualPayment).ToList();

        Assert.True(messages.Count <= 1, name + ": more than one message");
        Assert.Equal(step, messages.SingleOrDefault()?.Step);
        Assert.Equal(level, messages.SingleOrDefault()?.NewDunningLevel ?? 0);
    }

    [Fact]
    public void Decide_ConsolidatesOverdueInvoicesOfOneDebtor()
    {
        var debtor = Debtor([Invoice("F1", Due, level: 1), Invoice("F2", Due.AddMonths(1)), Invoice("F3", Due.AddMonths(2))]);

        var decision = Assert.Single(Engine().Decide(debtor, Due.AddDays(33)));

        Assert.Equal("reminder-2", decision.Step);
        Assert.Equal(["F1", "F2"], decision.Invoices.Select(i => i.InvoiceNumber));
        Assert.Equal(200_00, decision.AmountCents);
        Assert.Contains("factuur F1 is 33 dagen over de vervaldatum", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SecondRunSameDate_SendsNothing()
    {
        var engine = Engine();
        var debtor = Debtor([Invoice("F1", Due)]);
        var date = Due.AddDays(7);

        var first = Assert.Single(engine.Decide(debtor, date));
        var second = engine.Decide(debtor with { LastMessageDate = date }, date);

        Assert.Equal("reminder-1", first.Step);
        Assert.Empty(second);
    }

    [Fact]
    public void Decide_MissingContactDetails_RaisesWorkItemInstead()
    {
        var decision = Assert.Single(Engine().Decide(Debtor([Invoice("F1", Due)], mobile: false, email: false), Due.AddDays(7)));

        Assert.Equal(DecisionKind.NoContactDetails, decision.Kind);
        Assert.Empty(decision.Channels);
    }

    [Fact]
    public void Decide_NoMobile_SendsEmailOnce()
    {
        var decision = Assert.Single(Engine().Decide(Debtor([Invoice("F1", Due)], mobile: false), Due.AddDays(7)));

        Assert.Equal([Domain.Messaging.MessageChannel.Email], decision.Channels);
    }

    [Fact]
    public void Decide_ManyDebtors_DecidesEachOnce()
    {
        var debtors = Enumerable.Range(1, 50)
            .Select(n => Debtor([Invoice("F" + n, Due)]) with { DebtorId = n, DebtorNumber = "DEB" + n })
            .ToList();

        var decisions = Engine().Decide(debtors, Due.AddDays(7));

        Assert.Equal(50, decisions.Count);
        Assert.Equal(50, decisions.Select(d => d.DebtorId).Distinct().Count());
    }
}
