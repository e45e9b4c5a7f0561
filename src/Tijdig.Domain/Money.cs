using System.Globalization;

namespace Tijdig.Domain;

/// <summary>Conversions between integer cents and euro amounts.</summary>
public static class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static decimal ToEuros(long cents) => cents / 100m;

    /// <summary>Converts euros to cents; throws when the amount has more than two decimals.</summary>
    public static long ToCents(decimal euros)
    {
        var cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"Amount {euros.ToString(CultureInfo.InvariantCulture)} has more than two decimals.", nameof(euros));
        }

        return (long)cents;
    }

    /// <summary>Dutch notation with the euro sign: € 1.234,56.</summary>
    public static string Format(long cents) => "€ " + ToEuros(cents).ToString("#,##0.00", Dutch);
}
