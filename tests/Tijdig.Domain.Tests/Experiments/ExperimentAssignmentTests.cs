using System.Globalization;
using Tijdig.Domain.Dunning.Experiments;

namespace Tijdig.Domain.Tests.Experiments;

public sealed class ExperimentAssignmentTests
{
    private static DunningExperiment Experiment(string key, params (string Name, int Weight)[] variants) => new()
    {
        Key = key,
        StartsOn = new(2026, 1, 1),
        EndsOn = new(2026, 12, 31),
        Variants = variants.Select(v => new ExperimentVariant { Name = v.Name, Weight = v.Weight }).ToList(),
    };

    private static IEnumerable<string> DebtorNumbers(int count) =>
        Enumerable.Range(1, count).Select(i => "D" + i.ToString("D5", CultureInfo.InvariantCulture));

    [Fact]
    public void Assign_IsStableAcrossCalls()
    {
        var first = Experiment("pre-reminder-2026", ("control", 1), ("hold-out", 1));
        var second = Experiment("pre-reminder-2026", ("control", 1), ("hold-out", 1));

        foreach (var number in DebtorNumbers(1_000))
        {
            Assert.Equal(ExperimentAssignment.Assign(first, number).Name, ExperimentAssignment.Assign(second, number).Name);
        }
    }

    [Fact]
    public void Assign_KnownDebtorLandsInFixedVariant()
    {
        // Pins the hash, computed independently as SHA-256 of "pre-reminder-2026\nD00001" and so on.
        // A change to it would move debtors between variants halfway through an experiment.
        var experiment = Experiment("pre-reminder-2026", ("control", 1), ("hold-out", 1));

        var names = DebtorNumbers(8).Select(n => ExperimentAssignment.Assign(experiment, n).Name).ToList();

        Assert.Equal(KnownAssignment, names);
    }

    private static readonly List<string> KnownAssignment = ["control", "hold-out", "hold-out", "control", "hold-out", "hold-out", "hold-out", "hold-out"];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(3, 1)]
    public void Assign_FollowsWeightsOverTenThousandDebtors(int controlWeight, int holdOutWeight)
    {
        var experiment = Experiment("weights", ("control", controlWeight), ("hold-out", holdOutWeight));

        var holdOut = DebtorNumbers(10_000).Count(n => ExperimentAssignment.Assign(experiment, n).Name == "hold-out");

        // Binomial standard deviation is at most 50 over 10,000 debtors; 4 standard deviations leave room for any fixed hash.
        var expected = 10_000.0 * holdOutWeight / (controlWeight + holdOutWeight);
        Assert.InRange(holdOut, expected - 200, expected + 200);
    }

    [Fact]
    public void Assign_DependsOnExperimentKey()
    {
        var first = Experiment("first", ("a", 1), ("b", 1));
        var second = Experiment("second", ("a", 1), ("b", 1));

        var differing = DebtorNumbers(1_000).Count(n => ExperimentAssignment.Assign(first, n).Name != ExperimentAssignment.Assign(second, n).Name);

        Assert.InRange(differing, 400, 600);
    }

    [Fact]
    public void Assign_SkipsZeroWeightVariant()
    {
        var experiment = Experiment("zero", ("never", 0), ("always", 1));

        Assert.All(DebtorNumbers(500), n => Assert.Equal("always", ExperimentAssignment.Assign(experiment, n).Name));
    }
}
