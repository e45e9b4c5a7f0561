namespace Tijdig.Messaging.Tests;

public sealed class CollectionCostsTests
{
    [Theory]
    [InlineData("125", "40")]
    [InlineData("300", "45")]
    [InlineData("500", "75")]
    [InlineData("1000", "150")]
    [InlineData("2500", "375")]
    [InlineData("5000", "625")]
    [InlineData("10000", "875")]
    [InlineData("0", "0")]
    [InlineData("0.01", "40")]
    [InlineData("266.67", "40.00")]
    [InlineData("266.70", "40.01")]
    [InlineData("2666.67", "391.67")]
    [InlineData("9999.99", "875.00")]
    [InlineData("200000", "2775")]
    [InlineData("1000000", "6775")]
    [InlineData("2000000", "6775")]
    public void Calculate_FollowsStatutoryScale(string principal, string expected)
    {
        decimal costs = CollectionCosts.Calculate(decimal.Parse(principal, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), costs);
    }

    [Theory]
    [InlineData(12_500, 4_000)]
    [InlineData(100_000, 15_000)]
    [InlineData(999_999, 87_500)]
    public void CalculateCents_MatchesEuros(long principalCents, long expectedCents)
    {
        Assert.Equal(expectedCents, CollectionCosts.CalculateCents(principalCents));
    }

    [Fact]
    public void Calculate_RejectsNegativePrincipal()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CollectionCosts.Calculate(-1m));
    }
}
