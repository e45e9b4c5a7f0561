using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

public sealed class PolicyReplayTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 5, 31);

    private static readonly PaymentBehaviour Behaviour = PaymentBehaviour.ByStep(
        0.6,
        new Dictionary<string, double> { ["reminder-1"] = 0.3, ["reminder-2"] = 0.3, ["last-chance"] = 0.5 });

    /// <summary>200 debtors with one invoice each, due on 1 February 2026.</summary>
    private static List<ReplayInvoice> History() =>
        Enumerable.Range(1, 200)
            .Select(n => new ReplayInvoice(n, "DEB" + n, PaymentMethod.DirectDebit, null, "F" + n, new DateOnly(2026, 2, 1), 300_00))
            .ToList();

    [Fact]
    public void Replay_SameSeedSameResult()
    {
        var first = PolicyReplay.Run(Engine(), History(), From, To, Behaviour, seed: 7);
        var second = PolicyReplay.Run(Engine(), History(), From, To, Behaviour, seed: 7);

        Assert.Equal(first.MessagesSent, second.MessagesSent);
        Assert.Equal(first.ClaimsCreated, second.ClaimsCreated);
        Assert.Equal(first.AverageDaysToPay, second.AverageDaysToPay);
    }

    [Fact]
    public void Replay_EarlierReminderPaysSooner()
    {
        var candidate = Reference();
        candidate.Version = "candidate";
        candidate.Steps[0].DaysPastDue = 2;

        var active = PolicyReplay.Run(Engine(), History(), From, To, Behaviour, seed: 7);
        var proposed = PolicyReplay.Run(Engine(candidate), History(), From, To, Behaviour, seed: 7);

        Assert.Equal("test", active.PolicyVersion);
        Assert.Equal("candidate", proposed.PolicyVersion);
        Assert.True(proposed.AverageDaysToPay < active.AverageDaysToPay, $"{proposed.AverageDaysToPay} is not below {active.AverageDaysToPay}");

        // Same parents, same steps reached: the message counts per step match.
        Assert.Equal(active.MessagesByStep["reminder-1"], proposed.MessagesByStep["reminder-1"]);
    }

    [Fact]
    public void Replay_NonPayersEndAtAnAgency()
    {
        var result = PolicyReplay.Run(Engine(), History(), From, To, Behaviour, seed: 7);

        // About 10 % of 200 never pay (0.4 × 0.7 × 0.7 × 0.5); each reached the letter and then a claim.
        Assert.InRange(result.ClaimsCreated, 8, 35);
        Assert.Equal(result.ClaimsCreated, result.MessagesByStep["termination"]);
        Assert.True(result.MessagesByStep["last-chance"] >= result.ClaimsCreated);
        Assert.Equal(0, result.OpenCentsAtEnd);
    }

    [Fact]
    public void Replay_UsesRatePerChannelAndSegment()
    {
        // Late payers pay nothing after any message; the default segment pays everything after the SMS.
        // The e-mail of the same step has no cell of its own and falls back to the step, which is 0.
        var history = History()
            .Select(i => i.DebtorId % 2 == 0 ? i with { Segment = "late-payer" } : i)
            .ToList();
        var behaviour = new PaymentBehaviour
        {
            PaidOnTimeRate = 0,
            MinimumObservations = 30,
            Cells =
            [
                new(RateLevel.StepChannelSegment, "reminder-1", MessageChannel.Sms, null, 100, 100),
                new(RateLevel.StepChannelSegment, "reminder-1", MessageChannel.Sms, "late-payer", 100, 0),
                new(RateLevel.StepChannel, "reminder-1", MessageChannel.Sms, null, 200, 100),
                new(RateLevel.Step, "reminder-1", null, null, 200, 0),
            ],
        };

        var result = PolicyReplay.Run(Engine(), history, From, To, behaviour, seed: 7);

        Assert.Equal(200, result.MessagesByStep["reminder-1"]);
        Assert.Equal(100, result.MessagesByStep["reminder-2"]);
        Assert.Equal(300, result.MessagesByChannel[MessageChannel.Sms]);
        Assert.Equal(100, result.ClaimsCreated);
        Assert.True(result.DaysSalesOutstanding == 0, $"DSO {result.DaysSalesOutstanding} with nothing open");
    }

    [Fact]
    public void Replay_SameDrawUnderBothPolicies()
    {
        // A later second reminder changes which day it goes out, not whether its parent pays after it.
        var candidate = Reference();
        candidate.Version = "candidate";
        candidate.Steps[1].DaysPastDue = 28;

        var active = PolicyReplay.Run(Engine(), History(), From, To, Behaviour, seed: 11);
        var proposed = PolicyReplay.Run(Engine(candidate), History(), From, To, Behaviour, seed: 11);

        Assert.Equal(active.MessagesByStep["reminder-2"], proposed.MessagesByStep["reminder-2"]);
        Assert.Equal(active.MessagesByStep["last-chance"], proposed.MessagesByStep["last-chance"]);
        Assert.Equal(active.ClaimsCreated, proposed.ClaimsCreated);
        Assert.True(proposed.AverageDaysToPay > active.AverageDaysToPay, $"{proposed.AverageDaysToPay} is not above {active.AverageDaysToPay}");
    }
}
