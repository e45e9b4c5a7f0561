namespace Tijdig.Domain.Arrangements;

/// <summary>Splits a balance into instalments and tracks which are paid.</summary>
public static class InstalmentPlan
{
    /// <summary>
    /// Splits <paramref name="totalCents"/> into <paramref name="count"/> monthly instalments of
    /// equal size; the cents that do not divide evenly go to the first instalment, so every later
    /// one is the same round amount.
    /// </summary>
    public static IReadOnlyList<Instalment> Split(long totalCents, int count, DateOnly firstDueDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalCents, 1);

        var regular = totalCents / count;
        var first = totalCents - (regular * (count - 1));
        return Enumerable.Range(1, count)
            .Select(number => new Instalment
            {
                Number = number,
                DueDate = firstDueDate.AddMonths(number - 1),
                AmountCents = number == 1 ? first : regular,
            })
            .ToList();
    }

    /// <summary>The amount still due on an instalment, given what was paid on the arrangement so far.</summary>
    public static long Remaining(IReadOnlyList<Instalment> ordered, Instalment instalment, long paidCents)
    {
        var dueUpToThis = ordered.Where(i => i.Number <= instalment.Number).Sum(i => i.AmountCents);
        return Math.Clamp(dueUpToThis - paidCents, 0, instalment.AmountCents);
    }
}
