using Tijdig.Domain.Dunning.Experiments;

namespace Tijdig.Domain.Tests.Experiments;

public sealed class PaidRateTests
{
    /// <summary>Reached, paid, expected lower and upper bound of the 95 % Wilson interval to 4 decimals.</summary>
    public static TheoryData<int, int, double, double> Cases => new()
    {
        { 10, 0, 0.0, 0.2775 },
        { 10, 5, 0.2366, 0.7634 },
        { 10, 10, 0.7225, 1.0 },
        { 100, 20, 0.1334, 0.2888 },
        { 263, 81, 0.2553, 0.3662 },
        { 1000, 500, 0.4691, 0.5309 },
        { 1, 1, 0.2065, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_MatchesWilsonTable(int reached, int paid, double lower, double upper)
    {
        var rate = PaidRate.Of(reached, paid);

        Assert.Equal((double)paid / reached, rate.Rate, 10);
        Assert.Equal(lower, rate.Lower, 4);
        Assert.Equal(upper, rate.Upper, 4);
    }

    [Fact]
    public void Of_NobodyReachedGivesWholeRange()
    {
        var rate = PaidRate.Of(0, 0);

        Assert.Equal(0, rate.Lower);
        Assert.Equal(1, rate.Upper);
    }

    [Fact]
    public void Of_RejectsMorePaidThanReached()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaidRate.Of(3, 4));
    }
}
