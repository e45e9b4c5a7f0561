using Tijdig.Domain.Dunning;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>Policy as data: versions by activation date, segment overrides, validation.</summary>
public sealed class PolicyVersionTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);

    [Theory]
    [InlineData("2026-03-31", "v1", "reminder-2")]
    [InlineData("2026-04-01", "v2", "reminder-1")]
    public void Decide_UsesVersionActiveOnTheDate(string date, string version, string step)
    {
        var first = Reference();
        first.Version = "v1";
        first.ActiveFrom = new DateOnly(2026, 1, 1);
        var second = Reference();
        second.Version = "v2";
        second.ActiveFrom = new DateOnly(2026, 4, 1);
        second.Steps[1].DaysPastDue = 40;
        second.Steps[2].DaysPastDue = 60;
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        // 29 days past due under v1 is past its reminder 2 (21 days); 30 days under v2 is before its reminder 2 (40 days).
        var decision = Assert.Single(Engine([second, first]).Decide(Debtor([Invoice("F1", Due)]), on));

        Assert.Equal(version, decision.PolicyVersion);
        Assert.Equal(step, decision.Step);
    }

    [Theory]
    [InlineData(null, "reminder-1")]
    [InlineData("new-customer", null)]
    [InlineData("late-payer", "reminder-2")]
    public void Decide_AppliesSegmentOverrides(string? segment, string? step)
    {
        var policy = Reference();
        policy.Segments["new-customer"] = new SegmentOverride { MinimumAmountCents = 150_00 };
        policy.Segments["late-payer"] = new SegmentOverride
        {
            Steps =
            [
                new() { Key = "reminder-1", DaysPastDue = 3 },
                new() { Key = "reminder-2", DaysPastDue = 10 },
                new() { Key = "last-chance", DaysPastDue = 20, IsStatutoryNotice = true },
            ],
        };

        var decisions = Engine(policy).Decide(Debtor([Invoice("F1", Due)]) with { Segment = segment }, Due.AddDays(10));

        Assert.Equal(step, decisions.SingleOrDefault()?.Step);
    }

    [Fact]
    public void Decide_SegmentCanSkipPreReminders()
    {
        var policy = Reference();
        policy.Segments["hold-out"] = new SegmentOverride { PreReminderDaysBeforeDue = 0 };
        var debtor = Debtor([Invoice("F1", Due)]);

        Assert.Single(Engine(policy).Decide(debtor, Due.AddDays(-3)));
        Assert.Empty(Engine(policy).Decide(debtor with { Segment = "hold-out" }, Due.AddDays(-3)));
    }

    [Fact]
    public void Validate_ListsEveryProblem()
    {
        var policy = Reference();
        policy.Steps[1].DaysPastDue = 5;
        policy.Steps[0].IsStatutoryNotice = true;
        policy.StatutoryTermDays = 10;
        policy.Representation.ReasonCodes.Add("AC04");

        var errors = policy.Validate();

        Assert.Contains(errors, e => e.Contains("more than one step", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("reminder-2 must come later", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("at least 14", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("AC04", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReferencePolicyIsValid()
    {
        Assert.Empty(Reference().Validate());
    }
}
