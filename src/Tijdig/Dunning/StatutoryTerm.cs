namespace Tijdig.Dunning;

/// <summary>
/// The end of the statutory 14-day term of a letter sent on a date. Courts presume receipt on the
/// second postal day after sending (Sundays and Mondays are not postal days), the 14 days run from
/// the day after receipt, and a term ending on a weekend moves to the Monday.
/// </summary>
// TODO(dunning): public holidays are not yet skipped as postal days or as term ends.
public static class StatutoryTerm
{
    public const int TermDays = 14;

    public static DateOnly PresumedReceipt(DateOnly sent)
    {
        var date = sent;
        var postalDays = 0;
        while (postalDays < 2)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Sunday or DayOfWeek.Monday))
            {
                postalDays++;
            }
        }

        return date;
    }

    public static DateOnly EndDate(DateOnly sent)
    {
        var end = PresumedReceipt(sent).AddDays(TermDays);
        while (end.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            end = end.AddDays(1);
        }

        return end;
    }
}
