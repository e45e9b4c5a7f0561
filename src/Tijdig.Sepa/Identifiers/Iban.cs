using System.Buffers;
using System.Collections.Frozen;

namespace Tijdig.Sepa.Identifiers;

/// <summary>
/// International Bank Account Number (ISO 13616): country code, two MOD 97-10 check digits and the BBAN.
/// Lengths are known for the SEPA countries and a few neighbours; other countries are checked
/// against the general pattern (at most 34 characters) only.
/// </summary>
public static class Iban
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["VA"] = 22, ["AL"] = 28, ["ME"] = 22, ["MD"] = 24, ["MK"] = 19, ["RS"] = 22,
        ["GE"] = 22, ["GL"] = 18, ["FO"] = 18, ["TR"] = 26, ["UA"] = 29,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Looks up <see cref="Lengths"/> by the first two characters without allocating a string per IBAN.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LengthsByCountry =
        Lengths.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> UpperLettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Removes spaces (and the non-breaking kind) and upper-cases; does not validate.</summary>
    public static string Normalize(string value)
    {
        // Stored and generated IBANs are normalized already; returning them as they are saves an
        // allocation per collection when a pain.008 of 100,000 collections is written.
        if (IsNormalized(value))
        {
            return value;
        }

        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static bool IsNormalized(string value)
    {
        // The usual case, upper-case letters and digits only, is checked with vector instructions.
        if (!value.AsSpan().ContainsAnyExcept(UpperLettersAndDigits))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.ToUpperInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Validates after <see cref="Normalize"/> and returns the normalized IBAN.</summary>
    public static SepaResult<string> Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SepaMessages.InvalidIdentifier("IBAN", "the value is empty");
        }

        var iban = Normalize(value);
        if (iban.Length < 5 || iban.Length > 34
            || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return SepaMessages.InvalidIdentifier("IBAN", $"'{iban}' does not have the form CCkk followed by the account");
        }

        if (LengthsByCountry.TryGetValue(iban.AsSpan(0, 2), out var expected) && iban.Length != expected)
        {
            return SepaMessages.InvalidIdentifier("IBAN", $"an IBAN of {iban[..2]} has {expected} characters, '{iban}' has {iban.Length}");
        }

        if (Checksum(iban) != 1)
        {
            return SepaMessages.InvalidIdentifier("IBAN", $"the check digits of '{iban}' are wrong (mod 97 is not 1); look for a typing error");
        }

        return SepaResult<string>.Ok(iban);
    }

    public static bool IsValid(string? value) => Validate(value).Success;

    /// <summary>
    /// Whether the value looks like an IBAN (country, digits, known length) without checking the check digits.
    /// Used when reading bank files, which report accounts as the bank wrote them (test files are often anonymised).
    /// </summary>
    internal static bool HasIbanShape(string value) =>
        value.Length is >= 5 and <= 34
        && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])
        && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && value.All(char.IsAsciiLetterOrDigit)
        && (!Lengths.TryGetValue(value[..2], out var expected) || value.Length == expected);

    /// <summary>Builds an IBAN from a country code and BBAN by computing the check digits.</summary>
    public static SepaResult<string> Create(string countryCode, string bban)
    {
        var country = Normalize(countryCode);
        var account = Normalize(bban);
        if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            return SepaMessages.InvalidIdentifier("country code", $"'{countryCode}' is not two letters");
        }

        if (Mod97.Remainder(account) < 0 || account.Length == 0)
        {
            return SepaMessages.InvalidIdentifier("BBAN", $"'{bban}' must contain only letters and digits");
        }

        // The check digits are 98 minus (BBAN, country code, "00") mod 97, computed without building that text.
        var remainder = Mod97.Remainder("00", Mod97.Remainder(country, Mod97.Remainder(account)));
        var check = 98 - remainder;
        var iban = string.Create(account.Length + 4, (country, check, account), static (chars, parts) =>
        {
            parts.country.CopyTo(chars);
            chars[2] = (char)('0' + parts.check / 10);
            chars[3] = (char)('0' + parts.check % 10);
            parts.account.CopyTo(chars[4..]);
        });
        return Validate(iban);
    }

    /// <summary>MOD 97 of the IBAN with its first four characters moved to the end, without building that string.</summary>
    private static int Checksum(string iban) => Mod97.Remainder(iban.AsSpan(0, 4), Mod97.Remainder(iban.AsSpan(4)));
}
