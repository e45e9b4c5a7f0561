using Tijdig.Domain.Dunning.Law;
using Tijdig.Messaging.Calendar;

namespace Tijdig.Domain.Tests.Law;

public sealed class StatutoryTermCalendarTests
{
    // The decree day of 2026: Friday 15 May, after Ascension.
    private static readonly HashSet<DateOnly> DecreeDays = [new(2026, 5, 15)];

    private static StatutoryTermCalendar Calendar(bool withDecreeDays = false, bool withPostEstimates = false)
    {
        List<ReceiptOffset> offsets = [new() { From = new(2014, 1, 1), PostalDays = 2 }];
        if (withPostEstimates)
        {
            offsets.Add(new() { From = new(2026, 7, 1), PostalDays = 3 });
            offsets.Add(new() { From = new(2027, 7, 1), PostalDays = 4 });
        }

        return new StatutoryTermCalendar(d => DutchHolidays.IsGeneralHoliday(d, withDecreeDays ? DecreeDays : null), offsets, 14);
    }

    /// <summary>Posting date, decree days on, post estimates on, presumed receipt, last day of the term.</summary>
    public static TheoryData<string, bool, bool, string, string> Cases => new()
    {
        // The worked example: Sat 25 April runs past Sunday and Koningsdag (Mon 27 April).
        { "2026-04-09", false, false, "2026-04-11", "2026-04-28" },

        // No post on Sunday and Monday: a Friday letter arrives on Tuesday.
        { "2025-12-19", false, false, "2025-12-23", "2026-01-06" },

        // Christmas days are no postal days; the term ends on Saturday 10 January and runs to Monday.
        { "2025-12-23", false, false, "2025-12-27", "2026-01-12" },

        // Ascension (Thu 14 May 2026) is no postal day; with the decree day Friday 15 May is none either.
        { "2026-05-13", false, false, "2026-05-16", "2026-06-01" },
        { "2026-05-13", true, false, "2026-05-19", "2026-06-02" },

        // Term ending on Christmas Day 2026 (a Friday) runs past Boxing Day and the weekend.
        { "2026-12-09", false, false, "2026-12-11", "2026-12-28" },

        // The estimated 48-hour delivery norm from July 2026: three postal days.
        { "2026-07-02", false, true, "2026-07-07", "2026-07-21" },
        { "2026-06-30", false, true, "2026-07-02", "2026-07-16" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TermEnd_CountsPostalDaysAndExtends(string posted, bool decreeDays, bool estimates, string receipt, string end)
    {
        var calendar = Calendar(decreeDays, estimates);
        var date = DateOnly.Parse(posted, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(receipt, System.Globalization.CultureInfo.InvariantCulture), calendar.PresumedReceipt(date));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), calendar.TermEnd(date));
    }

    [Fact]
    public void Constructor_RejectsTermShorterThanTheLaw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatutoryTermCalendar(_ => false, [new() { PostalDays = 2 }], 13));
    }
}
