using Tijdig.Domain.Collections;

namespace Tijdig.Domain.Tests.Collections;

public sealed class AgencyAssignerTests
{
    private static List<CollectionAgency> Agencies() =>
    [
        new() { Key = "noord", Name = "Incassobureau Noord", JustisNumber = "J-1001", Percentage = 70, PostcodeFrom = 1000, PostcodeTo = 4999 },
        new() { Key = "zuid", Name = "Incassobureau Zuid", JustisNumber = "J-1002", Percentage = 30, PostcodeFrom = 5000, PostcodeTo = 9999 },
    ];

    /// <summary>Assigns <paramref name="count"/> claims one after another and returns how many each agency got.</summary>
    private static Dictionary<string, int> AssignMany(AgencyAssignmentRule rule, List<CollectionAgency> agencies, int count, string? postcode = null)
    {
        var totals = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var agency = AgencyAssigner.Assign(rule, agencies, postcode, totals, totals);
            Assert.NotNull(agency);
            totals[agency.Key] = totals.GetValueOrDefault(agency.Key) + 1;
        }

        return totals;
    }

    [Fact]
    public void RoundRobin_AlternatesAgencies()
    {
        var totals = AssignMany(AgencyAssignmentRule.RoundRobin, Agencies(), 10);

        Assert.Equal(5, totals["noord"]);
        Assert.Equal(5, totals["zuid"]);
    }

    [Fact]
    public void Percentage_FollowsTheShares()
    {
        var totals = AssignMany(AgencyAssignmentRule.Percentage, Agencies(), 100);

        Assert.Equal(70, totals["noord"]);
        Assert.Equal(30, totals["zuid"]);
    }

    [Theory]
    [InlineData("1012 AB", "noord")]
    [InlineData("4999 ZZ", "noord")]
    [InlineData("5000 AA", "zuid")]
    [InlineData("9999XX", "zuid")]
    [InlineData(null, null)]
    [InlineData("AB12", null)]
    public void Postcode_PicksTheRange(string? postcode, string? expected)
    {
        var agency = AgencyAssigner.Assign(AgencyAssignmentRule.Postcode, Agencies(), postcode, new Dictionary<string, int>(), new Dictionary<string, int>());

        Assert.Equal(expected, agency?.Key);
    }

    [Fact]
    public void MonthlyMaximum_SkipsFullAgencies()
    {
        var agencies = Agencies();
        agencies[0].MonthlyMaximum = 2;
        var thisMonth = new Dictionary<string, int> { ["noord"] = 2 };

        var next = AgencyAssigner.Assign(AgencyAssignmentRule.RoundRobin, agencies, null, thisMonth, new Dictionary<string, int>());
        agencies[1].MonthlyMaximum = 0;
        var none = AgencyAssigner.Assign(AgencyAssignmentRule.RoundRobin, agencies, null, thisMonth, new Dictionary<string, int>());

        Assert.Equal("zuid", next?.Key);
        Assert.Null(none);
    }
}
