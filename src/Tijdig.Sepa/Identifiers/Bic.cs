namespace Tijdig.Sepa.Identifiers;

/// <summary>
/// Business Identifier Code (ISO 9362): 4 institution characters, 2-letter country, 2 location
/// characters and an optional 3-character branch. It has no check digit.
/// </summary>
public static class Bic
{
    /// <summary>Validates after removing spaces and upper-casing, and returns the normalized BIC.</summary>
    public static SepaResult<string> Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SepaMessages.InvalidIdentifier("BIC", "the value is empty");
        }

        var bic = Iban.Normalize(value);
        if (bic.Length is not (8 or 11))
        {
            return SepaMessages.InvalidIdentifier("BIC", $"'{bic}' has {bic.Length} characters instead of 8 or 11");
        }

        for (var i = 0; i < bic.Length; i++)
        {
            var c = bic[i];
            var valid = i is 4 or 5 ? char.IsAsciiLetterUpper(c) : char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
            if (!valid)
            {
                return SepaMessages.InvalidIdentifier("BIC", $"'{bic}' has an invalid character at position {i + 1}");
            }
        }

        return SepaResult<string>.Ok(bic);
    }

    public static bool IsValid(string? value) => Validate(value).Success;
}
