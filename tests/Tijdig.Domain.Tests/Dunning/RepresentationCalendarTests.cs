using Tijdig.Domain.Dunning;
using Tijdig.Domain.Ledger;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;
using Tijdig.Sepa.Calendar;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>The re-presentation date after AM04 or MS03 lands on a TARGET2 business day, not only on a weekday.</summary>
public sealed class RepresentationCalendarTests
{
    /// <summary>Pay day, days after it, return date, the date with TARGET2 and the date with weekends skipped only.</summary>
    public static TheoryData<int, int, DateOnly, DateOnly, DateOnly> Cases => new()
    {
        // An ordinary Thursday: both calendars agree.
        { 25, 1, new(2026, 3, 10), new(2026, 3, 26), new(2026, 3, 26) },

        // 25 and 26 December 2025 are Thursday and Friday; the weekend follows.
        { 25, 0, new(2025, 12, 5), new(2025, 12, 29), new(2025, 12, 25) },
        { 25, 1, new(2025, 12, 5), new(2025, 12, 29), new(2025, 12, 26) },

        // Pay day 31 December 2026 plus one is Friday 1 January 2027.
        { 31, 1, new(2026, 12, 10), new(2027, 1, 4), new(2027, 1, 1) },

        // Good Friday 3 April 2026, then the weekend and Easter Monday 6 April.
        { 2, 1, new(2026, 3, 25), new(2026, 4, 7), new(2026, 4, 3) },

        // Easter Monday 6 April 2026 on its own.
        { 5, 1, new(2026, 3, 28), new(2026, 4, 7), new(2026, 4, 6) },

        // The default policy in 2027: 26 March is Good Friday, 29 March Easter Monday.
        { 25, 1, new(2027, 3, 10), new(2027, 3, 30), new(2027, 3, 26) },

        // 1 May 2026 is a Friday.
        { 30, 1, new(2026, 4, 10), new(2026, 5, 4), new(2026, 5, 1) },

        // Koningsdag (Monday 27 April 2026) is a Dutch holiday but a TARGET2 business day.
        { 26, 1, new(2026, 4, 10), new(2026, 4, 27), new(2026, 4, 27) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NextCollectionDate_SkipsTarget2ClosingDays(int payDay, int daysAfter, DateOnly returnedOn, DateOnly withTarget2, DateOnly weekendsOnly)
    {
        var policy = new RepresentationPolicy { PayDayOfMonth = payDay, DaysAfterPayDay = daysAfter };

        Assert.Equal(withTarget2, policy.NextCollectionDate(returnedOn, Target2Calendar.IsBusinessDay));
        Assert.Equal(weekendsOnly, policy.NextCollectionDate(returnedOn));
    }

    [Fact]
    public void Engine_PlansRepresentationOnTarget2Day()
    {
        var returned = new DateOnly(2027, 3, 10);
        var engine = new DunningEngine([Reference()], CollectionCosts.CalculateCents, d => DutchHolidays.IsGeneralHoliday(d), isCollectionDay: Target2Calendar.IsBusinessDay);
        var debtor = Debtor([Invoice("F1", new DateOnly(2027, 3, 2))], method: PaymentMethod.DirectDebit, returns: [new ReturnedCollection(10, 1, "F1", 100_00, "MS03", 1, returned)]);

        var decision = Assert.Single(engine.Decide(debtor, returned));

        Assert.Equal(new DateOnly(2027, 3, 30), Assert.Single(decision.Representations).CollectionDate);
    }
}
