namespace Tijdig.Domain.Dunning.Law;

/// <summary>
/// Statutory interest (art. 6:119 BW): simple interest at the rate in force on each day, and at the
/// end of every year since default the interest of that year is added to the principal (lid 2).
/// </summary>
public static class StatutoryInterest
{
    /// <summary>
    /// Returns the interest in cents on <paramref name="principalCents"/> for the days from
    /// <paramref name="defaultFrom"/> (the first day in default, the day after the due date) up to and
    /// excluding <paramref name="until"/>. Days before the first rate in the table carry no interest.
    /// Rounded half away from zero to a cent, once, at the end.
    /// </summary>
    // NOTE: the day count is actual days / 365, also in leap years; verify against the calculator the agencies use.
    public static long CalculateCents(long principalCents, DateOnly defaultFrom, DateOnly until, IReadOnlyList<InterestRate> rates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(principalCents);
        if (until <= defaultFrom || principalCents == 0 || rates.Count == 0)
        {
            return 0;
        }

        var ordered = IsOrdered(rates) ? rates : rates.OrderBy(r => r.From).ToList();
        var principal = principalCents / 100m;
        var total = 0m;
        var yearStart = defaultFrom;
        var year = 0;

        while (yearStart < until)
        {
            year++;
            var yearEnd = Min(defaultFrom.AddYears(year), until);
            var interest = 0m;
            var day = yearStart;

            // Walk the rate periods that overlap this interest year.
            while (day < yearEnd)
            {
                var (rate, nextChange) = RateOn(day, ordered);
                var periodEnd = nextChange is { } change ? Min(change, yearEnd) : yearEnd;
                interest += principal * rate / 100m * (periodEnd.DayNumber - day.DayNumber) / 365m;
                day = periodEnd;
            }

            total += interest;
            principal += interest;
            yearStart = yearEnd;
        }

        return (long)Math.Round(total * 100m, MidpointRounding.AwayFromZero);
    }

    private static bool IsOrdered(IReadOnlyList<InterestRate> rates)
    {
        for (var i = 1; i < rates.Count; i++)
        {
            if (rates[i].From < rates[i - 1].From)
            {
                return false;
            }
        }

        return true;
    }

    private static (decimal Rate, DateOnly? NextChange) RateOn(DateOnly day, IReadOnlyList<InterestRate> ordered)
    {
        decimal rate = 0m;
        DateOnly? next = null;
        foreach (var entry in ordered)
        {
            if (entry.From <= day)
            {
                rate = entry.PercentPerYear;
            }
            else
            {
                next = entry.From;
                break;
            }
        }

        return (rate, next);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
