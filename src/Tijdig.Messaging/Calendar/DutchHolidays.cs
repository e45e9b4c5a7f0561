namespace Tijdig.Messaging.Calendar;

/// <summary>One Dutch public holiday in a given year.</summary>
/// <param name="Name">The Dutch name, for example <c>Tweede Paasdag</c>.</param>
/// <param name="EnglishName">The English name, for example <c>Easter Monday</c>.</param>
/// <param name="IsGeneralHoliday">
/// True for an "algemeen erkende feestdag" of the Algemene termijnenwet (art. 3), including Goede Vrijdag
/// (equated by lid 2) and Easter and Whit Sunday. These days count for contact rules and term extension.
/// </param>
/// <param name="IsCommonDayOff">
/// True when most employers give the day off. Bevrijdingsdag is a general holiday every year, but many
/// collective agreements give the day off only every five years (2025, 2030, ...), so it is false in other years.
/// </param>
public sealed record PublicHoliday(DateOnly Date, string Name, string EnglishName, bool IsGeneralHoliday, bool IsCommonDayOff);

/// <summary>
/// The Dutch public holidays as rules: the Algemene termijnenwet (Stb. 1964, 314) art. 3 list plus
/// Goede Vrijdag (art. 3 lid 2) and the Sundays of Easter and Whitsun. Days equated by a temporary
/// royal decree (such as the Friday after Ascension) are not rules and are passed in as extra days.
/// </summary>
public static class DutchHolidays
{
    /// <summary>Returns the holidays of <paramref name="year"/> in date order.</summary>
    public static IReadOnlyList<PublicHoliday> ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1950);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        DateOnly easter = EasterSunday(year);
        bool lustrum = year % 5 == 0;

        List<PublicHoliday> days =
        [
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag", "New Year's Day", true, true),
            new(easter.AddDays(-2), "Goede Vrijdag", "Good Friday", true, false),
            new(easter, "Eerste Paasdag", "Easter Sunday", true, true),
            new(easter.AddDays(1), "Tweede Paasdag", "Easter Monday", true, true),
            KingsDay(year),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag", "Liberation Day", true, lustrum),
            new(easter.AddDays(39), "Hemelvaartsdag", "Ascension Day", true, true),
            new(easter.AddDays(49), "Eerste Pinksterdag", "Whit Sunday", true, true),
            new(easter.AddDays(50), "Tweede Pinksterdag", "Whit Monday", true, true),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag", "Christmas Day", true, true),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag", "Boxing Day", true, true),
        ];

        days.Sort((left, right) => left.Date.CompareTo(right.Date));
        return days;
    }

    /// <summary>Returns the holiday on <paramref name="date"/>, or null when it is none.</summary>
    public static PublicHoliday? Find(DateOnly date) => ForYear(date.Year).FirstOrDefault(holiday => holiday.Date == date);

    /// <summary>Returns true when <paramref name="date"/> is a general holiday or one of <paramref name="extraDays"/>.</summary>
    public static bool IsGeneralHoliday(DateOnly date, IReadOnlyCollection<DateOnly>? extraDays = null) =>
        (extraDays?.Contains(date) ?? false) || Find(date) is { IsGeneralHoliday: true };

    /// <summary>
    /// Returns <paramref name="termEnd"/>, or the next day after it that is no Saturday, Sunday or general
    /// holiday: the extension of a statutory term by Algemene termijnenwet art. 1 lid 1.
    /// </summary>
    public static DateOnly ExtendTermEnd(DateOnly termEnd, IReadOnlyCollection<DateOnly>? extraDays = null)
    {
        DateOnly day = termEnd;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsGeneralHoliday(day, extraDays))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Returns Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    // Koningsdag (since 2014) is 27 April, Koninginnedag (1949-2013) was 30 April; both move one day
    // earlier when they fall on a Sunday.
    private static PublicHoliday KingsDay(int year)
    {
        DateOnly date = year >= 2014 ? new DateOnly(year, 4, 27) : new DateOnly(year, 4, 30);
        if (date.DayOfWeek == DayOfWeek.Sunday)
        {
            date = date.AddDays(-1);
        }

        return year >= 2014
            ? new PublicHoliday(date, "Koningsdag", "King's Day", true, true)
            : new PublicHoliday(date, "Koninginnedag", "Queen's Day", true, true);
    }
}
