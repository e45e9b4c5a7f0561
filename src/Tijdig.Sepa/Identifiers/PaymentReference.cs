using System.Globalization;

namespace Tijdig.Sepa.Identifiers;

/// <summary>
/// The Dutch structured payment reference ("betalingskenmerk") of the Betaalvereniging.
/// Valid lengths are 7 (no check digit), 9 to 14 (check digit plus a length code) and 16 (check digit
/// plus 15 digits). The check digit is a weighted modulus 11 over all digits after it, with weights
/// 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 from the rightmost digit leftwards, repeating.
/// </summary>
public static class PaymentReference
{
    private const long MaxNumber = 999_999_999_999_999;

    private static readonly int[] Weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

    /// <summary>Creates the 16-digit reference for a number from 0 to 999,999,999,999,999.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative or has more than 15 digits.</exception>
    public static string Create(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);

        var body = number.ToString("D15", CultureInfo.InvariantCulture);
        return CheckDigit(body) + body;
    }

    /// <summary>Whether the value is a valid betalingskenmerk; spaces and dots are ignored.</summary>
    public static bool IsValid(string? value)
    {
        var digits = Normalize(value);
        if (digits is null)
        {
            return false;
        }

        switch (digits.Length)
        {
            case 7:
                return true;
            case >= 9 and <= 14:
                var lengthCode = (digits.Length - 2) % 10;
                return digits[1] - '0' == lengthCode && digits[0] == CheckDigit(digits[1..]);
            case 16:
                return digits[0] == CheckDigit(digits[1..]);
            default:
                return false;
        }
    }

    /// <summary>Removes spaces and dots; null when anything else than digits remains.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            sum += digit * Weights[i % Weights.Length];
        }

        var check = 11 - sum % 11;
        return check switch
        {
            10 => '1',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
