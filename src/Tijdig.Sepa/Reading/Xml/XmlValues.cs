using System.Globalization;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>Parses ISO 20022 simple values; a bad value throws <see cref="ReadFailure"/> naming its path.</summary>
internal static class XmlValues
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Parses a positive amount with at most two decimals ("100", "100.5", "100.50").</summary>
    public static decimal Amount(string text, string location)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            throw new ReadFailure(SepaMessages.AmountNegative(location, trimmed));
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ReadFailure(SepaMessages.AmountNotANumber(location, trimmed));
        }

        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && trimmed.Length - point - 1 > 2)
        {
            throw new ReadFailure(SepaMessages.AmountTooManyDecimals(location, trimmed));
        }

        return value;
    }

    /// <summary>Parses an ISODate, or the date part of an ISODateTime as the bank wrote it.</summary>
    public static DateOnly Date(string text, string location)
    {
        var trimmed = text.Trim();
        var datePart = trimmed.Length >= 10 ? trimmed[..10] : trimmed;
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location, trimmed, "a date (yyyy-MM-dd)"));
    }

    /// <summary>
    /// Parses an ISODateTime. A value without an offset is taken as Europe/Amsterdam time,
    /// which is what Dutch banks mean by it.
    /// </summary>
    public static DateTimeOffset DateTime(string text, string location)
    {
        var trimmed = text.Trim();
        if (!System.DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new ReadFailure(SepaMessages.InvalidValue(location, trimmed, "a date and time (yyyy-MM-ddTHH:mm:ss)"));
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(parsed, Amsterdam.GetUtcOffset(parsed));
        }

        return DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public static long Integer(string text, string location)
    {
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location, text.Trim(), "a whole number"));
    }

    public static bool Boolean(string text, string location) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw new ReadFailure(SepaMessages.InvalidValue(location, other, "true or false")),
    };
}
