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

        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                var value = c - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            }
            else
            {
                return -1;
            }
        }

        return remainder;
    }

    /// <summary>The two check digits "98 − (text mod 97)" for text that ends with the placeholder digits "00".</summary>
    public static string CheckDigits(ReadOnlySpan<char> textWithZeros)
    {
        var check = 98 - Remainder(textWithZeros);
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
