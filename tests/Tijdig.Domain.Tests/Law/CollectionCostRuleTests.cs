using Tijdig.Domain.Dunning.Law;
using Tijdig.Messaging;

namespace Tijdig.Domain.Tests.Law;

public sealed class CollectionCostRuleTests
{
    private static readonly DateOnly After = new(2026, 4, 9);
    private static readonly DateOnly Before = new(2024, 9, 30);

    /// <summary>The worked values of the statutory scale: principal in euros, costs in euros.</summary>
    [Theory]
    [InlineData(125, 40)]
    [InlineData(300, 45)]
    [InlineData(500, 75)]
    [InlineData(1_000, 150)]
    [InlineData(2_500, 375)]
    [InlineData(5_000, 625)]
    [InlineData(10_000, 875)]
    [InlineData(1_000_000, 6_775)]
    public void Quote_WorkedValuesOfTheScale(int principal, int costs)
    {
        var quote = new CollectionCostRule().Quote(principal * 100L, [principal * 100L], 0, After, CollectionCosts.CalculateCents);

        Assert.Equal(costs * 100L, quote.TotalCents);
        Assert.Equal(0, quote.VatCents);
    }

    /// <summary>Invoice amounts, costs charged before in the window, date, expected costs in cents, capped.</summary>
    public static TheoryData<long[], long, DateOnly, long, bool> SmallClaims => new()
    {
        { [200_00, 200_00, 200_00], 0, After, 90_00, false },
        { [200_00, 200_00, 200_00], 100_00, After, 40_00, true },
        { [250_00, 250_00, 250_00, 250_00], 0, After, 140_00, true },
        { [250_00, 250_00, 250_00, 250_00], 140_00, After, 0, true },
        { [250_00, 250_00, 250_00, 250_00], 0, Before, 150_00, false },
        { [266_67, 250_00, 250_00, 233_33], 0, After, 150_00, false },
        { [266_66, 250_00, 250_00, 233_34], 0, After, 140_00, true },
    };

    [Theory]
    [MemberData(nameof(SmallClaims))]
    public void Quote_CapsSmallRecurringClaims(long[] amounts, long chargedBefore, DateOnly date, long expected, bool capped)
    {
        var quote = new CollectionCostRule().Quote(amounts.Sum(), amounts, chargedBefore, date, CollectionCosts.CalculateCents);

        Assert.Equal(expected, quote.TotalCents);
        Assert.Equal(capped, quote.CappedAsSmallRecurringClaim);
    }

    [Fact]
    public void Quote_AddsVatOnlyWhenConfigured()
    {
        var rule = new CollectionCostRule { VatPercent = 21m };

        var quote = rule.Quote(125_00, [300_00], 0, After, CollectionCosts.CalculateCents);

        Assert.Equal(40_00, quote.BaseCents);
        Assert.Equal(8_40, quote.VatCents);
        Assert.Equal(48_40, quote.TotalCents);
    }

    [Fact]
    public void Quote_NothingOwedHasNoCosts()
    {
        Assert.Equal(0, new CollectionCostRule().Quote(0, [], 0, After, CollectionCosts.CalculateCents).TotalCents);
    }
}
