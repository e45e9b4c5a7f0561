using Tijdig.Domain.Dunning.Law;

namespace Tijdig.Domain.Tests.Law;

public sealed class StatutoryInterestTests
{
    private static readonly List<InterestRate> Rates =
    [
        new() { From = new(2023, 1, 1), PercentPerYear = 4m },
        new() { From = new(2023, 7, 1), PercentPerYear = 6m },
        new() { From = new(2024, 1, 1), PercentPerYear = 7m },
        new() { From = new(2024, 7, 1), PercentPerYear = 7m },
        new() { From = new(2025, 7, 1), PercentPerYear = 6m },
    ];

    /// <summary>Principal in cents, first day of default, until (exclusive), interest in cents.</summary>
    public static TheoryData<long, DateOnly, DateOnly, long> Cases => new()
    {
        // 182 days at 7 %: 1000 × 0.07 × 182 / 365 = 34.904.
        { 1_000_00, new(2024, 1, 1), new(2024, 7, 1), 34_90 },

        // Across a rate change: 184 days at 6 % (30.247) and 182 days at 7 % (34.904).
        { 1_000_00, new(2023, 7, 1), new(2024, 7, 1), 65_15 },

        // Two years: the first year's 65.151 is added to the principal, then 365 days at 7 % on 1065.151.
        { 1_000_00, new(2023, 7, 1), new(2025, 7, 1), 139_71 },

        // Before the first rate in the table: no interest for those days.
        { 1_000_00, new(2022, 12, 1), new(2023, 1, 1), 0 },

        // Nothing when the period is empty or reversed.
        { 1_000_00, new(2024, 1, 1), new(2024, 1, 1), 0 },
        { 1_000_00, new(2024, 1, 2), new(2024, 1, 1), 0 },

        // One day on € 100 at 6 %: 1.6 cents, rounded to 2.
        { 100_00, new(2025, 8, 1), new(2025, 8, 2), 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Calculate_CompoundsYearly(long principal, DateOnly from, DateOnly until, long expected)
    {
        Assert.Equal(expected, StatutoryInterest.CalculateCents(principal, from, until, Rates));
    }
}
