namespace Tijdig.Domain.Reporting;

/// <summary>
/// DSO by the count-back method. Starting from the open balance on the report date, the invoiced
/// amount of each calendar month is subtracted, newest month first, and that month's days are
/// added, until the balance is used up; the last month counts pro rata. The current month counts
/// from its first day up to and including the report date.
/// </summary>
public static class DaysSalesOutstanding
{
    /// <param name="openBalanceCents">Open receivables on <paramref name="reportDate"/>.</param>
    /// <param name="invoicedCentsByMonth">Invoiced amount per month, keyed by the first day of the month.</param>
    /// <param name="reportDate">The last day of the period.</param>
    /// <param name="maxMonths">How far back to count before giving up (the balance is then older than that).</param>
    public static decimal CountBack(
        long openBalanceCents,
        IReadOnlyDictionary<DateOnly, long> invoicedCentsByMonth,
        DateOnly reportDate,
        int maxMonths = 24)
    {
        if (openBalanceCents <= 0)
        {
            return 0m;
        }

        var remaining = (decimal)openBalanceCents;
        var days = 0m;
        var monthStart = new DateOnly(reportDate.Year, reportDate.Month, 1);
        var monthEnd = reportDate;

        for (var i = 0; i < maxMonths && remaining > 0; i++)
        {
            var daysInPeriod = monthEnd.DayNumber - monthStart.DayNumber + 1;
            var invoiced = invoicedCentsByMonth.TryGetValue(monthStart, out var cents) ? cents : 0;

            if (invoiced >= remaining)
            {
                days += daysInPeriod * remaining / invoiced;
                remaining = 0;
                break;
            }

            days += daysInPeriod;
            remaining -= invoiced;
            monthEnd = monthStart.AddDays(-1);
            monthStart = monthStart.AddMonths(-1);
        }

        return decimal.Round(days, 1, MidpointRounding.AwayFromZero);
    }
}
