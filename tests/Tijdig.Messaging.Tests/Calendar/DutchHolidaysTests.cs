using Tijdig.Messaging.Calendar;

namespace Tijdig.Messaging.Tests.Calendar;

public sealed class DutchHolidaysTests
{
    public static TheoryData<int, string, string, bool> Holidays => new()
    {
        { 2025, "2025-01-01", "Nieuwjaarsdag", true },
        { 2025, "2025-04-18", "Goede Vrijdag", false },
        { 2025, "2025-04-20", "Eerste Paasdag", true },
        { 2025, "2025-04-21", "Tweede Paasdag", true },
        { 2025, "2025-04-26", "Koningsdag", true },
        { 2025, "2025-05-05", "Bevrijdingsdag", true },
        { 2025, "2025-05-29", "Hemelvaartsdag", true },
        { 2025, "2025-06-08", "Eerste Pinksterdag", true },
        { 2025, "2025-06-09", "Tweede Pinksterdag", true },
        { 2025, "2025-12-25", "Eerste Kerstdag", true },
        { 2025, "2025-12-26", "Tweede Kerstdag", true },
        { 2026, "2026-01-01", "Nieuwjaarsdag", true },
        { 2026, "2026-04-03", "Goede Vrijdag", false },
        { 2026, "2026-04-05", "Eerste Paasdag", true },
        { 2026, "2026-04-06", "Tweede Paasdag", true },
        { 2026, "2026-04-27", "Koningsdag", true },
        { 2026, "2026-05-05", "Bevrijdingsdag", false },
        { 2026, "2026-05-14", "Hemelvaartsdag", true },
        { 2026, "2026-05-24", "Eerste Pinksterdag", true },
        { 2026, "2026-05-25", "Tweede Pinksterdag", true },
        { 2026, "2026-12-25", "Eerste Kerstdag", true },
        { 2026, "2026-12-26", "Tweede Kerstdag", true },
        { 2027, "2027-01-01", "Nieuwjaarsdag", true },
        { 2027, "2027-03-26", "Goede Vrijdag", false },
        { 2027, "2027-03-28", "Eerste Paasdag", true },
        { 2027, "2027-03-29", "Tweede Paasdag", true },
        { 2027, "2027-04-27", "Koningsdag", true },
        { 2027, "2027-05-05", "Bevrijdingsdag", false },
        { 2027, "2027-05-06", "Hemelvaartsdag", true },
        { 2027, "2027-05-16", "Eerste Pinksterdag", true },
        { 2027, "2027-05-17", "Tweede Pinksterdag", true },
        { 2027, "2027-12-25", "Eerste Kerstdag", true },
        { 2027, "2027-12-26", "Tweede Kerstdag", true },
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void ForYear_ListsHoliday(int year, string date, string name, bool commonDayOff)
    {
        PublicHoliday holiday = Assert.Single(DutchHolidays.ForYear(year), day => day.Name == name);

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), holiday.Date);
        Assert.True(holiday.IsGeneralHoliday);
        Assert.Equal(commonDayOff, holiday.IsCommonDayOff);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void ForYear_HasElevenDaysInOrder(int year)
    {
        IReadOnlyList<PublicHoliday> days = DutchHolidays.ForYear(year);

        Assert.Equal(11, days.Count);
        Assert.Equal(days.OrderBy(day => day.Date), days);
        Assert.Equal(11, Holidays.Count(row => (int)row[0] == year));
    }

    [Theory]
    [InlineData(2014, "2014-04-26")]
    [InlineData(2020, "2020-04-27")]
    [InlineData(2031, "2031-04-26")]
    [InlineData(2013, "2013-04-30")]
    [InlineData(2006, "2006-04-29")]
    public void ForYear_KingsDayMovesBeforeSunday(int year, string expected)
    {
        PublicHoliday day = DutchHolidays.ForYear(year).Single(holiday => holiday.Date.Month == 4 && holiday.Date.Day >= 26);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), day.Date);
    }

    [Theory]
    [InlineData(2030, true)]
    [InlineData(2031, false)]
    [InlineData(2035, true)]
    public void Bevrijdingsdag_DayOffOnlyInLustrumYears(int year, bool expected)
    {
        Assert.Equal(expected, DutchHolidays.ForYear(year).Single(day => day.Name == "Bevrijdingsdag").IsCommonDayOff);
    }

    [Theory]
    [InlineData("2026-04-25", "2026-04-28")]
    [InlineData("2026-04-24", "2026-04-24")]
    [InlineData("2026-12-24", "2026-12-24")]
    [InlineData("2026-12-25", "2026-12-28")]
    [InlineData("2027-05-05", "2027-05-07")]
    public void ExtendTermEnd_SkipsWeekendsAndHolidays(string termEnd, string expected)
    {
        DateOnly end = DateOnly.Parse(termEnd, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DutchHolidays.ExtendTermEnd(end));
    }

    [Fact]
    public void ExtendTermEnd_HonoursDecreeDays()
    {
        DateOnly[] decree = [new DateOnly(2027, 5, 7)];

        Assert.Equal(new DateOnly(2027, 5, 10), DutchHolidays.ExtendTermEnd(new DateOnly(2027, 5, 6), decree));
    }
}
