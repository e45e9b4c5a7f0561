namespace Tijdig.Domain.Dunning.Experiments;

/// <summary>The share of reached debtors who paid, with its 95 % Wilson score interval.</summary>
public sealed record PaidRate(int Reached, int Paid, double Rate, double Lower, double Upper)
{
    /// <summary>The normal quantile for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Computes the paid rate and its Wilson score interval. With nobody reached the rate is 0 and the
    /// interval is [0, 1], because there is no information. Unlike the normal approximation, the Wilson
    /// interval stays inside [0, 1] and is not empty at 0 or at 100 %.
    /// </summary>
    public static PaidRate Of(int reached, int paid, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reached);
        ArgumentOutOfRangeException.ThrowIfNegative(paid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paid, reached);

        if (reached == 0)
        {
            return new PaidRate(0, 0, 0, 0, 1);
        }

        double n = reached;
        var p = paid / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        return new PaidRate(reached, paid, p, Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }
}
