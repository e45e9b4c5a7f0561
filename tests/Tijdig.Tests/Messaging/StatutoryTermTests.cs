using System.Globalization;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Messaging.Calendar;

namespace Tijdig.Tests.Messaging;

/// <summary>The term printed in letters, counted by the domain's calendar with the Dutch holidays the host passes to it.</summary>
public sealed class StatutoryTermTests
{
    private static StatutoryTermCalendar Calendar(int postalDays = 2, IReadOnlyCollection<DateOnly>? extraHolidays = null) =>
        new(d => DutchHolidays.IsGeneralHoliday(d, extraHolidays), [new ReceiptOffset { From = DateOnly.MinValue, PostalDays = postalDays }], 14);

    [Theory]
    // Posted Thursday: receipt Saturday; 14 days end Saturday 25 April, past Sunday and Koningsdag.
    [InlineData("2026-04-09", "2026-04-11", "2026-04-28")]
    // Posted Friday: Saturday counts, Sunday and Monday do not, so receipt is Tuesday.
    [InlineData("2026-03-06", "2026-03-10", "2026-03-24")]
    // Posted Wednesday before Good Friday 3 April 2026: Thursday, then Saturday (Good Friday skipped).
    [InlineData("2026-04-01", "2026-04-04", "2026-04-20")]
    // Posted Tuesday 22 December 2026: Wednesday, Thursday; the term ends Thursday 7 January 2027.
    [InlineData("2026-12-22", "2026-12-24", "2027-01-07")]
    // Posted Saturday 23 May 2026: Whit Monday is no postal day, receipt Wednesday 27 May.
    [InlineData("2026-05-23", "2026-05-27", "2026-06-10")]
    public void TermEnd_CountsFromPresumedReceipt(string sent, string receipt, string end)
    {
        var posted = DateOnly.Parse(sent, CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(receipt, CultureInfo.InvariantCulture), Calendar().PresumedReceipt(posted));
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), Calendar().TermEnd(posted));
    }

    [Fact]
    public void TermEnd_ExtendsOverDecreeDay()
    {
        // Posted Thursday 23 April 2026: receipt Saturday 25 April, end Saturday 9 May → Monday 11 May;
        // with 11 May as an extra holiday the term runs to Tuesday 12 May.
        var posted = new DateOnly(2026, 4, 23);

        Assert.Equal(new DateOnly(2026, 5, 11), Calendar().TermEnd(posted));
        Assert.Equal(new DateOnly(2026, 5, 12), Calendar(extraHolidays: [new DateOnly(2026, 5, 11)]).TermEnd(posted));
    }

    [Fact]
    public void PresumedReceipt_LongerNormAddsPostalDays()
    {
        Assert.Equal(new DateOnly(2026, 4, 14), Calendar(postalDays: 3).PresumedReceipt(new DateOnly(2026, 4, 9)));
    }
}
