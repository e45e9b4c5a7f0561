using Tijdig.Messaging.Calendar;

namespace Tijdig.Dunning;

/// <summary>
/// The end of the statutory 14-day term (art. 6:96 lid 6 BW) of a letter posted on a date. Courts
/// presume receipt on the second postal day after posting; Sundays, Mondays and general holidays are
/// no postal days, because PostNL delivers letters Tuesday to Saturday. The 14 days run from the day
/// after receipt, and a term that ends on a Saturday, Sunday or general holiday runs on to the next
/// day that is none of these (Algemene termijnenwet art. 1 lid 1).
/// </summary>
/// <remarks>
/// Example: posted Thursday 9 April 2026, received Saturday 11 April, 14 days end Saturday 25 April,
/// extended past Sunday 26 and Koningsdag (Monday 27 April) to Tuesday 28 April 2026.
/// </remarks>
public static class StatutoryTerm
{
    public const int TermDays = 14;

    /// <summary>The postal days between posting and presumed receipt under the 24-hour delivery norm.</summary>
    public const int ReceiptPostalDays = 2;

    /// <summary>
    /// Returns the presumed day of receipt: the <paramref name="postalDays"/>-th postal day after
    /// <paramref name="sent"/>. <paramref name="extraHolidays"/> adds days equated by royal decree.
    /// </summary>
    // NOTE: the Postwet moves to a 48-hour norm in July 2026 and a 72-hour norm is planned for 2027;
    // no court practice on a longer presumed delay exists yet, so callers may pass a larger postalDays.
    public static DateOnly PresumedReceipt(DateOnly sent, int postalDays = ReceiptPostalDays, IReadOnlyCollection<DateOnly>? extraHolidays = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(postalDays, 1);

        var date = sent;
        var counted = 0;
        while (counted < postalDays)
        {
            date = date.AddDays(1);
            if (IsPostalDay(date, extraHolidays))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Returns true on Tuesday to Saturday when the day is no general holiday.</summary>
    public static bool IsPostalDay(DateOnly date, IReadOnlyCollection<DateOnly>? extraHolidays = null) =>
        date.DayOfWeek is not (DayOfWeek.Sunday or DayOfWeek.Monday) && !DutchHolidays.IsGeneralHoliday(date, extraHolidays);

    /// <summary>Returns the last day on which a payment is in time, for a letter posted on <paramref name="sent"/>.</summary>
    public static DateOnly EndDate(DateOnly sent, int postalDays = ReceiptPostalDays, IReadOnlyCollection<DateOnly>? extraHolidays = null)
    {
        var end = PresumedReceipt(sent, postalDays, extraHolidays).AddDays(TermDays);
        return DutchHolidays.ExtendTermEnd(end, extraHolidays);
    }
}
