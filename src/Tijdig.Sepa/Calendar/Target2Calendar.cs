namespace Tijdig.Sepa.Calendar;

/// <summary>
/// TARGET2 (T2) settlement days. T2 is closed on Saturdays, Sundays, 1 January, Good Friday, Easter Monday,
/// 1 May, 25 December and 26 December (ECB, unchanged since 2002). Dutch holidays such as Koningsdag are
/// business days for SEPA. A direct debit collection date must be a business day.
/// </summary>
public static class Target2Calendar
{
    public static bool IsBusinessDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (12, 25) or (12, 26))
        {
            return false;
        }

        var easter = EasterSunday(date.Year);
        return date != easter.AddDays(-2) && date != easter.AddDays(1);
    }

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextBusinessDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsBusinessDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// Moves <paramref name="days"/> business days forward (or back when negative). With 0 it returns
    /// the date itself when it is a business day, otherwise the next business day.
    /// </summary>
    public static DateOnly AddBusinessDays(DateOnly date, int days)
    {
        if (days == 0)
        {
            return IsBusinessDay(date) ? date : NextBusinessDay(date);
        }

        var step = days > 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsBusinessDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>Easter Sunday by the Gregorian computus (anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
