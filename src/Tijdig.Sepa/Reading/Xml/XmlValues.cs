using System.Globalization;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>Parses ISO 20022 simple values; a bad value throws <see cref="ReadFailure"/> naming its path.</summary>
internal static class XmlValues
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Parses a positive amount with at most two decimals ("100", "100.5", "100.50").</summary>
    public static decimal Amount(string text, XmlPath location)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            throw new ReadFailure(SepaMessages.AmountNegative(location.ToString(), trimmed));
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ReadFailure(SepaMessages.AmountNotANumber(location.ToString(), trimmed));
        }

        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && trimmed.Length - point - 1 > 2)
        {
            throw new ReadFailure(SepaMessages.AmountTooManyDecimals(location.ToString(), trimmed));
        }

        return value;
    }

    /// <summary>Parses an ISODate, or the date part of an ISODateTime as the bank wrote it.</summary>
    public static DateOnly Date(string text, XmlPath location)
    {
        var trimmed = text.Trim();
        var datePart = trimmed.Length >= 10 ? trimmed.AsSpan(0, 10) : trimmed.AsSpan();
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), trimmed, "a date (yyyy-MM-dd)"));
    }

    /// <summary>
    /// Parses an ISODateTime. A value without an offset is taken as Europe/Amsterdam time,
    /// which is what Dutch banks mean by it.
    /// </summary>
    public static DateTimeOffset DateTime(string text, XmlPath location)
    {
        var trimmed = text.Trim();
        if (!System.DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), trimmed, "a date and time (yyyy-MM-ddTHH:mm:ss)"));
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(parsed, Amsterdam.GetUtcOffset(parsed));
        }

        return DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public static long Integer(string text, XmlPath location)
    {
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), text.Trim(), "a whole number"));
    }

    public static bool Boolean(string text, XmlPath location) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), other, "true or false")),
    };
}
