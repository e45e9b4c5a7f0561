namespace Tijdig.Sepa.Identifiers;

/// <summary>
/// SEPA Creditor Identifier ("Incassant ID"): country, two check digits, a 3-character business code
/// (default ZZZ) and the national identifier. The MOD 97-10 check digits leave the business code out,
/// so a creditor keeps its identity when the business code changes. Dutch CIs are
/// NLkkZZZ + KvK number (8 digits) + location code (4 digits), 19 characters.
/// </summary>
public static class CreditorIdentifier
{
    public static SepaResult<string> Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", "the value is empty");
        }

        var ci = Iban.Normalize(value);
        if (ci.Length < 8 || ci.Length > 35
            || !char.IsAsciiLetterUpper(ci[0]) || !char.IsAsciiLetterUpper(ci[1])
            || !char.IsAsciiDigit(ci[2]) || !char.IsAsciiDigit(ci[3]))
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", $"'{ci}' does not have the form CCkkBBB followed by the national identifier");
        }

        if (ci.StartsWith("NL", StringComparison.Ordinal) && ci.Length != 19)
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", $"a Dutch creditor identifier has 19 characters, '{ci}' has {ci.Length}");
        }

        var remainder = Mod97.Remainder(NationalPart(ci) + ci[..4]);
        if (remainder != 1)
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", $"the check digits of '{ci}' are wrong");
        }

        return SepaResult<string>.Ok(ci);
    }

    public static bool IsValid(string? value) => Validate(value).Success;

    /// <summary>Builds a creditor identifier, for example Create("NL", "405365330000") is NL51ZZZ405365330000.</summary>
    public static SepaResult<string> Create(string countryCode, string nationalIdentifier, string businessCode = "ZZZ")
    {
        var country = Iban.Normalize(countryCode);
        var business = Iban.Normalize(businessCode);
        var national = Iban.Normalize(nationalIdentifier);
        if (country.Length != 2 || business.Length != 3 || national.Length == 0)
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", "the country needs 2 letters, the business code 3 characters and the national identifier at least one");
        }

        var nationalPart = NationalPart("XX00" + business + national);
        if (Mod97.Remainder(nationalPart) < 0)
        {
            return SepaMessages.InvalidIdentifier("creditor identifier", $"'{nationalIdentifier}' must contain only letters and digits");
        }

        var check = Mod97.CheckDigits(nationalPart + country + "00");
        return Validate(country + check + business + national);
    }

    /// <summary>Whether two CIs name the same creditor: equal after leaving out the business code.</summary>
    public static bool AreSameCreditor(string first, string second)
    {
        var a = Iban.Normalize(first);
        var b = Iban.Normalize(second);
        return a.Length > 7 && b.Length > 7
            && a.AsSpan(0, 4).SequenceEqual(b.AsSpan(0, 4))
            && a.AsSpan(7).SequenceEqual(b.AsSpan(7));
    }

    /// <summary>Position 8 onward with everything that is not a letter or digit removed.</summary>
    private static string NationalPart(string ci) =>
        new(ci.AsSpan(7).ToArray().Where(char.IsAsciiLetterOrDigit).ToArray());
}
