namespace Tijdig.Sepa.Identifiers;

/// <summary>
/// ISO 11649 structured creditor reference: "RF", two MOD 97-10 check digits and 1 to 21 letters or digits.
/// Printed in groups of four; spaces are ignored when reading.
/// </summary>
public static class RfReference
{
    /// <summary>Creates the RF reference for a reference of 1 to 21 letters or digits, for example "2348231" gives "RF712348231".</summary>
    public static SepaResult<string> Create(string reference)
    {
        var body = Iban.Normalize(reference ?? "");
        if (body.Length is 0 or > 21 || !body.All(char.IsAsciiLetterOrDigit))
        {
            return SepaMessages.InvalidIdentifier("RF reference", $"'{reference}' must be 1 to 21 letters or digits");
        }

        return SepaResult<string>.Ok("RF" + Mod97.CheckDigits(body + "RF00") + body);
    }

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var rf = Iban.Normalize(value);
        return rf.Length is >= 5 and <= 25
            && rf.StartsWith("RF", StringComparison.Ordinal)
            && char.IsAsciiDigit(rf[2]) && char.IsAsciiDigit(rf[3])
            && rf.All(char.IsAsciiLetterOrDigit)
            && Mod97.Remainder(string.Concat(rf.AsSpan(4), rf.AsSpan(0, 4))) == 1;
    }
}
