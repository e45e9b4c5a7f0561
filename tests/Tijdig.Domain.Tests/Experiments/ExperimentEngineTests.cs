using System.Globalization;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Experiments;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Experiments;

/// <summary>The engine applies each debtor's variant while an experiment runs.</summary>
public sealed class ExperimentEngineTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);

    private static DunningExperiment PreReminderExperiment(string step = "pre-reminder") => new()
    {
        Key = "pre-reminder-2026",
        StartsOn = new(2026, 1, 1),
        EndsOn = new(2026, 6, 30),
        Step = step,
        Variants =
        [
            new() { Name = "control", Weight = 1 },
            new() { Name = "hold-out", Weight = 1, HoldOut = true },
        ],
    };

    private static DunningEngine EngineWith(DunningExperiment experiment) =>
        new([Reference()], CollectionCosts.CalculateCents, d => DutchHolidays.IsGeneralHoliday(d), [experiment]);

    private static List<DebtorSnapshot> Debtors(int count) =>
        Enumerable.Range(1, count)
            .Select(i => Debtor([Invoice("F1", Due)]) with { DebtorId = i, DebtorNumber = "D" + i.ToString(CultureInfo.InvariantCulture) })
            .ToList();

    [Fact]
    public void Decide_HoldOutGetsNoPreReminder()
    {
        var experiment = PreReminderExperiment();
        var engine = EngineWith(experiment);

        foreach (var debtor in Debtors(200))
        {
            var variant = ExperimentAssignment.Assign(experiment, debtor.DebtorNumber);
            var steps = engine.Decide(debtor, Due.AddDays(-3)).Select(d => d.Step).ToList();

            if (variant.HoldOut)
            {
                Assert.Empty(steps);
            }
            else
            {
                Assert.Equal(["pre-reminder"], steps);
            }
        }
    }

    [Fact]
    public void Decide_BothGroupsNonEmpty()
    {
        var experiment = PreReminderExperiment();

        var groups = Debtors(200).GroupBy(d => ExperimentAssignment.Assign(experiment, d.DebtorNumber).Name).ToList();

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Decide_OutsideWindowEveryoneGetsPreReminder()
    {
        var experiment = PreReminderExperiment();
        experiment.EndsOn = Due.AddDays(-10);
        var engine = EngineWith(experiment);

        Assert.All(Debtors(50), d => Assert.Equal("pre-reminder", Assert.Single(engine.Decide(d, Due.AddDays(-3))).Step));
    }

    [Fact]
    public void Decide_HoldOutOfReminderOneGoesToNextStepLater()
    {
        var experiment = PreReminderExperiment("reminder-1");
        var engine = EngineWith(experiment);
        var holdOut = Debtors(50).First(d => ExperimentAssignment.Assign(experiment, d.DebtorNumber).HoldOut);
        var control = Debtors(50).First(d => !ExperimentAssignment.Assign(experiment, d.DebtorNumber).HoldOut);

        Assert.Equal("reminder-1", Assert.Single(engine.Decide(control, Due.AddDays(7))).Step);
        Assert.Empty(engine.Decide(holdOut, Due.AddDays(7)));
        Assert.Equal("reminder-2", Assert.Single(engine.Decide(holdOut, Due.AddDays(21))).Step);
    }

    [Fact]
    public void Decide_VariantOverrideApplies()
    {
        var experiment = PreReminderExperiment();
        experiment.Variants = [new() { Name = "early", Weight = 1, Override = new SegmentOverride { PreReminderDaysBeforeDue = 7 } }];
        var engine = EngineWith(experiment);

        Assert.Equal("pre-reminder", Assert.Single(engine.Decide(Debtors(1)[0], Due.AddDays(-7))).Step);
        Assert.Empty(Engine().Decide(Debtors(1)[0], Due.AddDays(-7)));
    }

    [Fact]
    public void Engine_RejectsHoldOutOfStatutoryLetter()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineWith(PreReminderExperiment("last-chance")));

        Assert.Contains("statutory letter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_RejectsUnknownStep()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineWith(PreReminderExperiment("reminder-9")));

        Assert.Contains("step 'reminder-9' not found", error.Message, StringComparison.Ordinal);
    }
}
