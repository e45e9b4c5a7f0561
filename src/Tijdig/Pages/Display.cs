using System.Globalization;
using Microsoft.Extensions.Localization;
using Tijdig.Domain;

namespace Tijdig.Pages;

/// <summary>How the pages show dates, amounts and enum values in the current request culture.</summary>
public static class Display
{
    /// <summary>Formats a business date with the month as a word ("4 dec 2026"), which reads the same way in Dutch and English.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "–";

    /// <summary>Formats euros in Dutch notation in both languages: the ledger is in euros and Dutch.</summary>
    public static string Amount(long cents) => Money.Format(cents);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// Returns the address when it is an absolute http(s) link, else null, so a stored value can
    /// never become a script link on the page.
    /// </summary>
    public static string? SafeLink(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    /// <summary>
    /// Looks up the text for a code such as a channel, status or dunning step. Without a text the
    /// code itself is shown, so a step newly added to the policy still appears.
    /// </summary>
    public static string Label(IStringLocalizer texts, string prefix, string code)
    {
        var text = texts[prefix + "_" + code];
        return text.ResourceNotFound ? code : text.Value;
    }
}
