using System.Globalization;

namespace Tijdig.Ledger;

/// <summary>Parsing of dates and amounts as they appear in billing exports.</summary>
public static class CsvValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// Parses an amount in euros with a dot or a comma as the decimal separator ("123.45" or "123,45"),
    /// with at most two decimals. Thousands separators are not accepted because they are ambiguous.
    /// </summary>
    public static bool TryParseCents(string value, out long cents)
    {
        cents = 0;
        var normalised = value.Replace("€", "", StringComparison.Ordinal).Trim().Replace(',', '.');
        if (!decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
        {
            return false;
        }

        // Above a billion euros an amount is a typing error, and it would not fit in cents as a long.
        if (Math.Abs(euros) > 1_000_000_000m)
        {
            return false;
        }

        var scaled = euros * 100m;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        cents = (long)scaled;
        return true;
    }
}
