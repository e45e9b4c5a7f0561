using System.Globalization;
using Tijdig.Messaging.Calendar;

namespace Tijdig.Messaging.Tests.Calendar;

public sealed class QuietHoursTests
{
    [Theory]
    [InlineData("2026-12-04T10:00:00+01:00", "2026-12-04T10:00:00+01:00")] // Friday, inside the window
    [InlineData("2026-12-04T07:00:00+01:00", "2026-12-04T07:00:00+01:00")] // window opens at 07:00
    [InlineData("2026-12-04T06:59:00+01:00", "2026-12-04T07:00:00+01:00")]
    [InlineData("2026-12-04T19:59:59+01:00", "2026-12-04T19:59:59+01:00")]
    [InlineData("2026-12-04T20:00:00+01:00", "2026-12-05T07:00:00+01:00")] // window closes at 20:00; Saturday is allowed
    [InlineData("2026-12-05T12:00:00+01:00", "2026-12-05T12:00:00+01:00")]
    [InlineData("2026-12-05T20:30:00+01:00", "2026-12-07T07:00:00+01:00")] // Saturday evening skips Sunday
    [InlineData("2026-12-06T12:00:00+01:00", "2026-12-07T07:00:00+01:00")] // Sunday
    [InlineData("2026-12-04T19:30:00+00:00", "2026-12-05T07:00:00+01:00")] // 20:30 in Amsterdam
    [InlineData("2026-12-04T05:30:00+00:00", "2026-12-04T07:00:00+01:00")] // 06:30 in Amsterdam
    [InlineData("2026-12-24T21:00:00+01:00", "2026-12-28T07:00:00+01:00")] // Christmas, then Sunday
    [InlineData("2026-12-31T20:00:00+01:00", "2027-01-02T07:00:00+01:00")] // New Year's Day
    [InlineData("2026-03-28T21:00:00+01:00", "2026-03-30T07:00:00+02:00")] // over the switch to summer time
    [InlineData("2026-04-02T20:15:00+02:00", "2026-04-04T07:00:00+02:00")] // Good Friday
    [InlineData("2026-04-25T20:00:00+02:00", "2026-04-28T07:00:00+02:00")] // Sunday, then King's Day
    [InlineData("2026-05-04T22:00:00+02:00", "2026-05-06T07:00:00+02:00")] // Liberation Day counts every year
    [InlineData("2026-05-13T21:00:00+02:00", "2026-05-15T07:00:00+02:00")] // Ascension Day
    [InlineData("2026-10-24T23:00:00+02:00", "2026-10-26T07:00:00+01:00")] // over the switch to winter time
    public void NextAllowedMoment_FollowsContactRules(string now, string expected)
    {
        DateTimeOffset next = QuietHours.NextAllowedMoment(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        DateTimeOffset expectedMoment = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(expectedMoment, next);
        Assert.Equal(expectedMoment.Offset, next.Offset);
    }

    [Fact]
    public void NextAllowedMoment_SkipsExtraHolidays()
    {
        DateOnly[] decree = [new DateOnly(2026, 5, 15)];

        DateTimeOffset next = QuietHours.NextAllowedMoment(new DateTimeOffset(2026, 5, 13, 21, 0, 0, TimeSpan.FromHours(2)), decree);

        Assert.Equal(new DateTimeOffset(2026, 5, 16, 7, 0, 0, TimeSpan.FromHours(2)), next);
    }

    [Theory]
    [InlineData("2026-12-04T10:00:00+01:00", true)]
    [InlineData("2026-12-04T22:00:00+01:00", false)]
    [InlineData("2026-12-06T10:00:00+01:00", false)]
    [InlineData("2026-12-25T10:00:00+01:00", false)]
    public void IsAllowed_MatchesWindow(string moment, bool expected)
    {
        Assert.Equal(expected, QuietHours.IsAllowed(DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture)));
    }
}
