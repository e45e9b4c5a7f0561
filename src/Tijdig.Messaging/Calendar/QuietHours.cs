namespace Tijdig.Messaging.Calendar;

/// <summary>
/// The contact window for SMS and calls, after the Wet kwaliteit incassodienstverlening: no contact
/// between 20:00 and 07:00 Amsterdam time, on Sundays or on general holidays (see <see cref="DutchHolidays"/>).
/// Saturdays are allowed.
/// </summary>
public static class QuietHours
{
    public static readonly TimeOnly WindowStart = new(7, 0);
    public static readonly TimeOnly WindowEnd = new(20, 0);

    /// <summary>The Europe/Amsterdam time zone.</summary>
    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Returns true when a message may be sent at <paramref name="moment"/>.</summary>
    public static bool IsAllowed(DateTimeOffset moment, IReadOnlyCollection<DateOnly>? extraHolidays = null) =>
        NextAllowedMoment(moment, extraHolidays) == moment;

    /// <summary>
    /// Returns <paramref name="now"/> when it is inside the contact window, otherwise the start of the
    /// next window (07:00 on the next day that is no Sunday or holiday), with the Amsterdam offset of
    /// that moment. <paramref name="extraHolidays"/> adds days such as those equated by royal decree.
    /// </summary>
    public static DateTimeOffset NextAllowedMoment(DateTimeOffset now, IReadOnlyCollection<DateOnly>? extraHolidays = null)
    {
        DateTimeOffset local = TimeZoneInfo.ConvertTime(now, Amsterdam);
        DateOnly day = DateOnly.FromDateTime(local.DateTime);
        TimeOnly time = TimeOnly.FromDateTime(local.DateTime);

        if (IsContactDay(day, extraHolidays) && time >= WindowStart && time < WindowEnd)
        {
            return now;
        }

        if (time >= WindowEnd || !IsContactDay(day, extraHolidays))
        {
            day = day.AddDays(1);
        }

        while (!IsContactDay(day, extraHolidays))
        {
            day = day.AddDays(1);
        }

        // 07:00 is never inside a daylight-saving transition in Amsterdam (those happen at 02:00 and 03:00).
        DateTime start = day.ToDateTime(WindowStart, DateTimeKind.Unspecified);
        return new DateTimeOffset(start, Amsterdam.GetUtcOffset(start));
    }

    private static bool IsContactDay(DateOnly day, IReadOnlyCollection<DateOnly>? extraHolidays) =>
        day.DayOfWeek != DayOfWeek.Sunday && !DutchHolidays.IsGeneralHoliday(day, extraHolidays);
}
