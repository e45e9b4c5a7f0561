using System.Globalization;

namespace Tijdig.Messaging.Templates;

/// <summary>Formats amounts and dates the way Dutch and English readers expect them.</summary>
public static class MessageFormatting
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Formats euro cents: <c>€ 1.234,56</c> in Dutch, <c>€1,234.56</c> in English. The space is an
    /// ordinary one because a non-breaking space would force an SMS into UCS-2.
    /// </summary>
    public static string Amount(long cents, string language)
    {
        decimal euros = cents / 100m;
        return IsDutch(language)
            ? "€ " + euros.ToString("#,##0.00", Dutch)
            : "€" + euros.ToString("#,##0.00", English);
    }

    /// <summary>Formats a date written out: <c>4 december 2026</c> in Dutch, <c>4 December 2026</c> in English.</summary>
    public static string Date(DateOnly date, string language) =>
        date.ToString("d MMMM yyyy", IsDutch(language) ? Dutch : English);

    private static bool IsDutch(string language) => string.Equals(language, "nl", StringComparison.OrdinalIgnoreCase);
}
