namespace Tijdig.Domain.Dunning.Law;

/// <summary>The collection costs a 14-day letter states and a claim may charge, split into base and VAT.</summary>
public sealed record CollectionCostQuote(long ScaleCents, long BaseCents, long VatCents, bool CappedAsSmallRecurringClaim)
{
    public long TotalCents => BaseCents + VatCents;
}

/// <summary>
/// Decides which collection costs apply to one debtor's overdue invoices. The scale itself
/// (15 % of the first € 2,500 and so on, minimum € 40, maximum € 6,775) is passed in as a function
/// of the principal in cents, so that one implementation of the scale serves letters and claims.
/// </summary>
public sealed class CollectionCostRule
{
    /// <summary>VAT on top of the costs, in percent; 0 when the creditor can deduct VAT (no VAT may then be charged).</summary>
    public decimal VatPercent { get; set; }

    /// <summary>The date from which the cap for small recurring claims applies (Stb. 2024, 44: 1 October 2024).</summary>
    public DateOnly SmallClaimCapFrom { get; set; } = new(2024, 10, 1);

    /// <summary>A recurring claim whose monthly amount is below this is small (€ 266.67).</summary>
    public long SmallClaimMonthlyThresholdCents { get; set; } = 266_67;

    /// <summary>The most that may be charged for small recurring claims per window (€ 140).</summary>
    public long SmallClaimCapCents { get; set; } = 140_00;

    /// <summary>The window of the cap in months (six).</summary>
    public int SmallClaimWindowMonths { get; set; } = 6;

    /// <summary>
    /// Returns the costs for <paramref name="principalCents"/>, the sum of the open principals the letter
    /// covers. <paramref name="invoiceAmountsCents"/> are the full amounts of those invoices: when every
    /// one is below the monthly threshold the claim counts as small and recurring, and the costs are
    /// capped at the cap minus <paramref name="chargedInWindowCents"/>, the costs already charged to this
    /// debtor in the window before <paramref name="date"/>.
    /// </summary>
    // NOTE: "every invoice below the threshold" is this rule's reading of "monthly claim below € 266.67"; the law document marks the exact counting rule as to verify.
    public CollectionCostQuote Quote(
        long principalCents,
        IReadOnlyCollection<long> invoiceAmountsCents,
        long chargedInWindowCents,
        DateOnly date,
        Func<long, long> scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (principalCents <= 0)
        {
            return new CollectionCostQuote(0, 0, 0, false);
        }

        var scaleCents = scale(principalCents);
        var baseCents = scaleCents;
        var small = date >= SmallClaimCapFrom
            && invoiceAmountsCents.Count > 0
            && invoiceAmountsCents.All(a => a < SmallClaimMonthlyThresholdCents);
        var capped = false;
        if (small)
        {
            var room = Math.Max(0, SmallClaimCapCents - chargedInWindowCents);
            if (baseCents > room)
            {
                baseCents = room;
                capped = true;
            }
        }

        var vat = (long)Math.Round(baseCents * VatPercent / 100m, MidpointRounding.AwayFromZero);
        return new CollectionCostQuote(scaleCents, baseCents, vat, capped);
    }
}
