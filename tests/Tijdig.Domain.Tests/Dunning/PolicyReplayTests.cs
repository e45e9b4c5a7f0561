using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Ledger;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

public sealed class PolicyReplayTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 5, 31);

    private static readonly PaymentBehaviour Behaviour = new()
    {
        PaidOnTimeRate = 0.6,
        PaidRateByStep = new() { ["reminder-1"] = 0.5, ["reminder-2"] = 0.7, ["last-chance"] = 0.9 },
        DaysToPayAfterMessage = 3,
    };

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

        // About 4 % of 200 never pay (0.4 × 0.1); each reached the letter and then a claim.
        Assert.InRange(result.ClaimsCreated, 1, 20);
        Assert.Equal(result.ClaimsCreated, result.MessagesByStep["termination"]);
        Assert.True(result.MessagesByStep["last-chance"] >= result.ClaimsCreated);
        Assert.Equal(0, result.OpenCentsAtEnd);
    }
}
