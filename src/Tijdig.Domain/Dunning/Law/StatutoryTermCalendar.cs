namespace Tijdig.Domain.Dunning.Law;

/// <summary>The number of postal days after posting on which courts presume a letter received, from a date on.</summary>
public sealed class ReceiptOffset
{
    public DateOnly From { get; set; }

    public int PostalDays { get; set; }
}

/// <summary>
/// The 14-day term of art. 6:96 lid 6 BW for a letter posted on a date. Receipt is presumed on the
/// n-th postal day after posting (postal days are Tuesday to Saturday without public holidays), the
/// term runs from the day after receipt, and a term that ends on a Saturday, Sunday or general holiday
/// runs to the next day that is none of these (Algemene termijnenwet art. 1 lid 1).
/// </summary>
public sealed class StatutoryTermCalendar
{
    private readonly Func<DateOnly, bool> isGeneralHoliday;
    private readonly List<ReceiptOffset> offsets;
    private readonly int termDays;

    /// <param name="isGeneralHoliday">True for an "algemeen erkende feestdag" (and days equated to one).</param>
    /// <param name="offsets">Dated receipt offsets; the latest one on or before the posting date applies.</param>
    /// <param name="termDays">The statutory term, 14 days.</param>
    public StatutoryTermCalendar(Func<DateOnly, bool> isGeneralHoliday, IEnumerable<ReceiptOffset> offsets, int termDays)
    {
        ArgumentNullException.ThrowIfNull(isGeneralHoliday);
        ArgumentOutOfRangeException.ThrowIfLessThan(termDays, 14);

        this.isGeneralHoliday = isGeneralHoliday;
        this.offsets = offsets.OrderBy(o => o.From).ToList();
        this.termDays = termDays;
        if (this.offsets.Count == 0 || this.offsets.Any(o => o.PostalDays < 1))
        {
            throw new ArgumentException("At least one receipt offset of one or more postal days is required.", nameof(offsets));
        }
    }

    public bool IsPostalDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Sunday or DayOfWeek.Monday) && !isGeneralHoliday(date);

    /// <summary>Returns the postal days of the offset in force on <paramref name="posted"/>; before the first entry the first applies.</summary>
    public int PostalDaysFor(DateOnly posted)
    {
        var offset = offsets[0];
        foreach (var candidate in offsets)
        {
            if (candidate.From <= posted)
            {
                offset = candidate;
            }
        }

        return offset.PostalDays;
    }

    /// <summary>Returns the presumed day of receipt of a letter posted on <paramref name="posted"/>.</summary>
    public DateOnly PresumedReceipt(DateOnly posted)
    {
        var required = PostalDaysFor(posted);
        var date = posted;
        var counted = 0;
        while (counted < required)
        {
            date = date.AddDays(1);
            if (IsPostalDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Returns the last day of the term: the debtor may still pay on this day, costs are chargeable from the next.</summary>
    public DateOnly TermEnd(DateOnly posted)
    {
        var end = PresumedReceipt(posted).AddDays(termDays);
        while (end.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || isGeneralHoliday(end))
        {
            end = end.AddDays(1);
        }

        return end;
    }
}
