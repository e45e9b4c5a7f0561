namespace Tijdig.Messaging;

/// <summary>One slice of the collection cost scale: the rate applies to the part of the principal up to <paramref name="UpTo"/>.</summary>
/// <param name="UpTo">The upper bound of the slice, or null for the last, open slice.</param>
/// <param name="Rate">The rate as a fraction, for example 0.15.</param>
public sealed record CollectionCostSlice(decimal? UpTo, decimal Rate);

/// <summary>A statutory scale of extrajudicial collection costs for consumers, valid from <paramref name="EffectiveFrom"/>.</summary>
public sealed record CollectionCostScale(DateOnly EffectiveFrom, IReadOnlyList<CollectionCostSlice> Slices, decimal Minimum, decimal Maximum);

/// <summary>
/// Computes the extrajudicial collection costs (art. 6:96 lid 5 BW) that the 14-day letter must state.
/// VAT and the cap for small recurring claims are not applied here: whether they apply depends on the
/// creditor and is decided by the caller.
/// </summary>
public static class CollectionCosts
{
    /// <summary>
    /// The scale of the Besluit vergoeding voor buitengerechtelijke incassokosten (Stb. 2012, 141). It charges
    /// 15 % of the first € 2,500, 10 % of the next € 2,500, 5 % of the next € 5,000, 1 % of the next € 190,000
    /// and 0.5 % above € 200,000. The result is at least € 40 and at most € 6,775.
    /// </summary>
    public static CollectionCostScale Statutory2012 { get; } = new(
        new DateOnly(2012, 7, 1),
        [
            new(2_500m, 0.15m),
            new(5_000m, 0.10m),
            new(10_000m, 0.05m),
            new(200_000m, 0.01m),
            new(null, 0.005m),
        ],
        Minimum: 40m,
        Maximum: 6_775m);

    /// <summary>Returns the collection costs in euros, rounded to cents, for <paramref name="principal"/> (the sum of the overdue principals, without interest).</summary>
    public static decimal Calculate(decimal principal) => Calculate(principal, Statutory2012);

    /// <summary>Returns the collection costs on <paramref name="scale"/>, rounded half away from zero to cents; a principal of 0 has no costs.</summary>
    public static decimal Calculate(decimal principal, CollectionCostScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(principal);

        if (principal == 0m)
        {
            return 0m;
        }

        decimal costs = 0m;
        decimal lower = 0m;
        foreach (CollectionCostSlice slice in scale.Slices)
        {
            decimal upper = slice.UpTo ?? decimal.MaxValue;
            if (principal <= lower)
            {
                break;
            }

            costs += (Math.Min(principal, upper) - lower) * slice.Rate;
            lower = upper;
        }

        decimal bounded = Math.Clamp(costs, scale.Minimum, scale.Maximum);
        return Math.Round(bounded, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Returns the collection costs in cents for a principal in cents.</summary>
    public static long CalculateCents(long principalCents) =>
        (long)(Calculate(principalCents / 100m) * 100m);
}
