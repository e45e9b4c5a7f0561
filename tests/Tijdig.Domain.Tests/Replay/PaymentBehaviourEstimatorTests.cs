using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Messaging;

namespace Tijdig.Domain.Tests.Replay;

/// <summary>The estimator on a hand-made history whose rates are counted out in the comments.</summary>
public sealed class PaymentBehaviourEstimatorTests
{
    private static readonly DateOnly Due = new(2026, 2, 1);
    private static readonly DateOnly Sent = new(2026, 2, 8);

    /// <summary>
    /// D1-D40 (default segment) got reminder-1 by SMS on 8 February: D1-D30 paid 2 days later, D31-D35
    /// after 21 days (outside the window), D36-D40 not at all. D1-D5 also got it by e-mail.
    /// L1-L10 (late payers) got the SMS too: L1 paid on day 14 (inside), L2 on day 15 (outside).
    /// P1 paid before its reminder went out; T1-T4 paid on time and got no message.
    /// </summary>
    private static PaymentBehaviour Estimate()
    {
        var invoices = new List<ObservedInvoice>();
        var messages = new List<ObservedMessage>();
        for (var i = 1; i <= 40; i++)
        {
            // 30 pay two days after the SMS, 5 only after three weeks, and 5 never.
            DateOnly? paid = null;
            if (i <= 30)
            {
                paid = Sent.AddDays(2);
            }
            else if (i <= 35)
            {
                paid = Sent.AddDays(21);
            }

            invoices.Add(new($"D{i}", null, Due, paid));
            messages.Add(new($"D{i}", "reminder-1", MessageChannel.Sms, Sent));
            if (i <= 5)
            {
                messages.Add(new($"D{i}", "reminder-1", MessageChannel.Email, Sent));
            }
        }

        for (var i = 1; i <= 10; i++)
        {
            DateOnly? paid = i switch { 1 => Sent.AddDays(14), 2 => Sent.AddDays(15), _ => null };
            invoices.Add(new($"L{i}", "late-payer", Due, paid));
            messages.Add(new($"L{i}", "reminder-1", MessageChannel.Sms, Sent));
        }

        invoices.Add(new("P1", null, Due, Sent.AddDays(-3)));
        messages.Add(new("P1", "reminder-1", MessageChannel.Sms, Sent));
        for (var i = 1; i <= 4; i++)
        {
            invoices.Add(new($"T{i}", null, Due, i % 2 == 0 ? Due : Due.AddDays(-2)));
        }

        // A message about an invoice outside the history is ignored.
        messages.Add(new("X1", "reminder-1", MessageChannel.Sms, Sent));
        return PaymentBehaviourEstimator.Estimate(invoices, messages, paidWithinDays: 14, minimumObservations: 30);
    }

    /// <summary>
    /// R1-R30 got reminder-1 forty days before the end of the history and half of them paid two days
    /// later. N1-N30 got it three days before the end and have not paid yet. Their window stays open
    /// for eleven more days, so they are left out.
    /// </summary>
    [Fact]
    public void Estimate_LeavesOutMessagesWhoseWindowIsOpen()
    {
        var end = new DateOnly(2026, 6, 30);
        var invoices = new List<ObservedInvoice>();
        var messages = new List<ObservedMessage>();
        for (var i = 1; i <= 30; i++)
        {
            invoices.Add(new($"R{i}", null, end.AddDays(-47), i % 2 == 0 ? end.AddDays(-38) : null));
            messages.Add(new($"R{i}", "reminder-1", MessageChannel.Sms, end.AddDays(-40)));
            invoices.Add(new($"N{i}", null, end.AddDays(-10), null));
            messages.Add(new($"N{i}", "reminder-1", MessageChannel.Sms, end.AddDays(-3)));
        }

        var behaviour = PaymentBehaviourEstimator.Estimate(invoices, messages, paidWithinDays: 14, minimumObservations: 30, observedUntil: end);

        var step = behaviour.Cells.Single(c => c.Level == RateLevel.Step);
        Assert.Equal(30, step.Observations);
        Assert.Equal(15, step.Paid);
        var channel = behaviour.Cells.Single(c => c.Level == RateLevel.StepChannel);
        Assert.Equal(30, channel.Observations);
    }

    [Fact]
    public void Estimate_CountsOnTimeOverEveryInvoice()
    {
        var behaviour = Estimate();

        Assert.Equal(55, behaviour.PaidOnTimeObservations);
        Assert.Equal(4.0 / 55, behaviour.PaidOnTimeRate, 10);
        Assert.Equal(2, behaviour.DaysToPayAfterMessage);
    }

    [Theory]
    [InlineData(RateLevel.StepChannelSegment, MessageChannel.Sms, null, 40, 30)]
    [InlineData(RateLevel.StepChannelSegment, MessageChannel.Sms, "late-payer", 10, 1)]
    [InlineData(RateLevel.StepChannelSegment, MessageChannel.Email, null, 5, 5)]
    [InlineData(RateLevel.StepChannel, MessageChannel.Sms, null, 50, 31)]
    [InlineData(RateLevel.StepChannel, MessageChannel.Email, null, 5, 5)]
    [InlineData(RateLevel.Step, null, null, 50, 31)]
    public void Estimate_CountsEachCell(RateLevel level, MessageChannel? channel, string? segment, int observations, int paid)
    {
        var cell = Assert.Single(Estimate().Cells, c => c.Level == level && c.Channel == channel && c.Segment == segment);

        Assert.Equal("reminder-1", cell.Step);
        Assert.Equal(observations, cell.Observations);
        Assert.Equal(paid, cell.Paid);
    }

    [Theory]
    [InlineData("reminder-1", MessageChannel.Sms, null, RateLevel.StepChannelSegment, 40, 0.75)]
    [InlineData("reminder-1", MessageChannel.Sms, "late-payer", RateLevel.StepChannel, 50, 0.62)]
    [InlineData("reminder-1", MessageChannel.Email, null, RateLevel.Step, 50, 0.62)]
    [InlineData("reminder-1", MessageChannel.Letter, "hardship", RateLevel.Step, 50, 0.62)]
    [InlineData("REMINDER-1", MessageChannel.Sms, null, RateLevel.StepChannelSegment, 40, 0.75)]
    [InlineData("reminder-2", MessageChannel.Sms, null, RateLevel.Step, 0, 0.0)]
    public void RateFor_FallsBackWhenTooFewObservations(string step, MessageChannel channel, string? segment, RateLevel level, int observations, double rate)
    {
        var cell = Estimate().RateFor(step, channel, segment);

        Assert.Equal(level, cell.Level);
        Assert.Equal(observations, cell.Observations);
        Assert.Equal(rate, cell.Rate, 10);
    }

    [Fact]
    public void RateFor_LowerMinimumKeepsFineCell()
    {
        var behaviour = Estimate();
        var relaxed = new PaymentBehaviour { Cells = behaviour.Cells, MinimumObservations = 10 };

        var cell = relaxed.RateFor("reminder-1", MessageChannel.Sms, "late-payer");

        Assert.Equal(RateLevel.StepChannelSegment, cell.Level);
        Assert.Equal(0.1, cell.Rate, 10);
    }

    [Fact]
    public void Estimate_EmptyHistoryGivesZeroRates()
    {
        var behaviour = PaymentBehaviourEstimator.Estimate([], [], 14);

        Assert.Equal(0, behaviour.PaidOnTimeRate);
        Assert.Empty(behaviour.Cells);
        Assert.Equal(0, behaviour.RateFor("reminder-1", MessageChannel.Sms, null).Rate);
    }
}
