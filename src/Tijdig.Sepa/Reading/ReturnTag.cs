using System.Text.RegularExpressions;

namespace Tijdig.Sepa.Reading;

/// <summary>
/// Finds the reason code in the MT940-style "/RTRN/AC06/" tag that Dutch banks put in the entry
/// text of a returned direct debit. Used when a camt file has no RtrInf, and for MT940.
/// </summary>
internal static partial class ReturnTag
{
    [GeneratedRegex(@"/RTRN/\s*([A-Z0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? FindReasonCode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Pattern().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }
}
