namespace Tijdig.Domain.Dunning.Law;

/// <summary>The statutory interest rate for consumers (art. 6:119 BW) in force from <see cref="From"/>, in percent per year.</summary>
public sealed class InterestRate
{
    public DateOnly From { get; set; }

    public decimal PercentPerYear { get; set; }
}
