using System.Globalization;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>Parses ISO 20022 simple values; a bad value throws <see cref="ReadFailure"/> naming its path.</summary>
internal static class XmlValues
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Parses a positive amount with at most two decimals ("100", "100.5", "100.50").</summary>
    public static decimal Amount(string text, XmlPath location) => Amount(text.AsSpan(), location);

    /// <summary>As <see cref="Amount(string, XmlPath)"/>, from the reader's buffer: a valid amount allocates nothing.</summary>
    public static decimal Amount(ReadOnlySpan<char> text, XmlPath location)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            throw new ReadFailure(SepaMessages.AmountNegative(location.ToString(), trimmed.ToString()));
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ReadFailure(SepaMessages.AmountNotANumber(location.ToString(), trimmed.ToString()));
        }

        var point = trimmed.IndexOf('.');
        if (point >= 0 && trimmed.Length - point - 1 > 2)
        {
            throw new ReadFailure(SepaMessages.AmountTooManyDecimals(location.ToString(), trimmed.ToString()));
        }

        if (value >= SepaMessages.AmountLimit)
        {
            throw new ReadFailure(SepaMessages.AmountTooLarge(location.ToString(), trimmed.ToString()));
        }

        return value;
    }

    /// <summary>Parses an ISODate, or the date part of an ISODateTime as the bank wrote it.</summary>
    public static DateOnly Date(string text, XmlPath location) => Date(text.AsSpan(), location);

    /// <summary>As <see cref="Date(string, XmlPath)"/>, from the reader's buffer.</summary>
    public static DateOnly Date(ReadOnlySpan<char> text, XmlPath location)
    {
        var trimmed = text.Trim();
        var datePart = trimmed.Length >= 10 ? trimmed[..10] : trimmed;
        if (TryPlainDate(datePart, out var date)
            || DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), trimmed.ToString(), "a date (yyyy-MM-dd)"));
    }

    /// <summary>
    /// The common case of "yyyy-MM-dd" with ASCII digits, without the general parser, which took a
    /// noticeable share of a statement's read time. Anything else is left to DateOnly.TryParseExact,
    /// so the accepted dates do not change.
    /// </summary>
    private static bool TryPlainDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text[5..7]);
        var day = Digits(text[8..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The number written by ASCII digits, or -1 when another character occurs.</summary>
    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = value * 10 + (c - '0');
        }

        return value;
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

    public static bool Boolean(string text, XmlPath location) => Boolean(text.AsSpan(), location);

    public static bool Boolean(ReadOnlySpan<char> text, XmlPath location) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw new ReadFailure(SepaMessages.InvalidValue(location.ToString(), other.ToString(), "true or false")),
    };
}
