namespace Tijdig.Sepa.Identifiers;

/// <summary>ISO 7064 MOD 97-10 over alphanumerics (A = 10 … Z = 35), as used by IBAN, CI and RF.</summary>
internal static class Mod97
{
    /// <summary>The remainder of the number written by <paramref name="text"/>, or -1 for a character outside 0-9 and A-Z.</summary>
    public static int Remainder(ReadOnlySpan<char> text) => Remainder(text, 0);

    /// <summary>
    /// Continues a remainder over more text, as if <paramref name="text"/> were written after the
    /// digits that gave <paramref name="remainder"/>; -1 as in <see cref="Remainder(ReadOnlySpan{char})"/>.
    /// </summary>
    public static int Remainder(ReadOnlySpan<char> text, int remainder)
    {
        if (remainder < 0)
        {
            return -1;
        }

        // Digits are gathered in a long and reduced only when it grows large, so about one division
        // per 16 digits instead of one per digit. The result is the same remainder.
        long value = remainder;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                value = value * 10 + (c - '0');
            }
            else if (c is >= 'A' and <= 'Z')
            {
                value = value * 100 + (c - 'A' + 10);
            }
            else
            {
                return -1;
            }

            if (value >= 10_000_000_000_000_000)
            {
                value %= 97;
            }
        }

        return (int)(value % 97);
    }

    /// <summary>The two check digits "98 − (text mod 97)" for text that ends with the placeholder digits "00".</summary>
    public static string CheckDigits(ReadOnlySpan<char> textWithZeros)
    {
        var check = 98 - Remainder(textWithZeros);
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
