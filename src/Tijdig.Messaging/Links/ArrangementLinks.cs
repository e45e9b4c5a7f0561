using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tijdig.Messaging.Links;

/// <summary>Why a signed arrangement link was not accepted.</summary>
public enum ArrangementLinkError
{
    None,
    Missing,
    Malformed,
    BadSignature,
    Expired,
}

/// <summary>The outcome of checking a link: the debtor number when it is valid, otherwise the error.</summary>
public sealed record ArrangementLinkCheck(string? DebtorNumber, DateOnly? ValidUntil, ArrangementLinkError Error)
{
    public bool IsValid => Error == ArrangementLinkError.None;
}

/// <summary>
/// Creates and checks the signed link to the payment-arrangement page:
/// <c>{baseUrl}/betalingsregeling?d={debtorNumber}&amp;e={yyyyMMdd}&amp;sig={signature}</c>. The signature is
/// HMAC-SHA256 over "debtor number, newline, expiry date", base64url without padding, so a parent
/// cannot change the debtor number or stretch the expiry. The link is valid through the expiry date.
/// </summary>
public sealed class ArrangementLinks
{
    public const string PagePath = "/betalingsregeling";

    private readonly byte[] key;

    /// <param name="key">The secret key; at least 32 bytes.</param>
    public ArrangementLinks(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The arrangement link key must be at least 32 bytes.", nameof(key));
        }

        this.key = key;
    }

    /// <summary>Returns the absolute link for <paramref name="debtorNumber"/>, valid through <paramref name="validUntil"/>.</summary>
    public string Create(string baseUrl, string debtorNumber, DateOnly validUntil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorNumber);

        string expiry = validUntil.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Concat(
            baseUrl.TrimEnd('/'),
            PagePath,
            "?d=", Uri.EscapeDataString(debtorNumber),
            "&e=", expiry,
            "&sig=", this.Sign(debtorNumber, expiry));
    }

    /// <summary>
    /// Checks the query values <c>d</c>, <c>e</c> and <c>sig</c> of a link on <paramref name="today"/>.
    /// The signature is compared in constant time, and checked before the expiry so an expired link
    /// with a forged signature reports <see cref="ArrangementLinkError.BadSignature"/>.
    /// </summary>
    public ArrangementLinkCheck Verify(string? debtorNumber, string? expiry, string? signature, DateOnly today)
    {
        if (string.IsNullOrEmpty(debtorNumber) || string.IsNullOrEmpty(expiry) || string.IsNullOrEmpty(signature))
        {
            return new ArrangementLinkCheck(null, null, ArrangementLinkError.Missing);
        }

        if (!DateOnly.TryParseExact(expiry, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly validUntil))
        {
            return new ArrangementLinkCheck(null, null, ArrangementLinkError.Malformed);
        }

        byte[] expected = Encoding.ASCII.GetBytes(this.Sign(debtorNumber, expiry));
        byte[] actual = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return new ArrangementLinkCheck(null, null, ArrangementLinkError.BadSignature);
        }

        return today > validUntil
            ? new ArrangementLinkCheck(debtorNumber, validUntil, ArrangementLinkError.Expired)
            : new ArrangementLinkCheck(debtorNumber, validUntil, ArrangementLinkError.None);
    }

    private string Sign(string debtorNumber, string expiry)
    {
        byte[] mac = HMACSHA256.HashData(this.key, Encoding.UTF8.GetBytes(debtorNumber + "\n" + expiry));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
