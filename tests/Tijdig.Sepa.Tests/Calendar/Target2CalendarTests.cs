using Tijdig.Sepa.Calendar;

namespace Tijdig.Sepa.Tests.Calendar;

public class Target2CalendarTests
{
    [Theory]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-04-18", false)]
    [InlineData("2025-04-21", false)]
    [InlineData("2025-05-01", false)]
    [InlineData("2025-12-25", false)]
    [InlineData("2025-12-26", false)]
    [InlineData("2025-03-01", false)]
    [InlineData("2025-04-27", false)]
    [InlineData("2025-04-28", true)]
    [InlineData("2025-05-05", true)]
    [InlineData("2025-05-29", true)]
    [InlineData("2026-04-03", false)]
    [InlineData("2026-04-06", false)]
    [InlineData("2027-03-26", false)]
    public void IsBusinessDay(string date, bool expected) => Assert.Equal(expected, Target2Calendar.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday(int year, string expected) => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Target2Calendar.EasterSunday(year));

    [Fact]
    public void NextBusinessDay_SkipsEasterWeekend() => Assert.Equal(new DateOnly(2025, 4, 22), Target2Calendar.NextBusinessDay(new DateOnly(2025, 4, 17)));

    [Theory]
    [InlineData("2025-12-24", 1, "2025-12-29")]
    [InlineData("2025-12-29", -1, "2025-12-24")]
    [InlineData("2025-03-01", 0, "2025-03-03")]
    [InlineData("2025-04-16", 3, "2025-04-23")]
    public void AddBusinessDays(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Target2Calendar.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
}
