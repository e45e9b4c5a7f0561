using System.Globalization;
using System.Text;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests.Writing;

public class SepaTextTests
{
    [Theory]
    [InlineData("Zoë", "Zoe")]
    [InlineData("Strauß", "Strauss")]
    [InlineData("Müller", "Muller")]
    [InlineData("Ærø  Łódź", "AEro Lodz")]
    [InlineData("Jan & Piet", "Jan + Piet")]
    [InlineData("naïve café @home", "naive cafe home")]
    public void Transliterate_MapsToLatinSet(string input, string expected)
    {
        Assert.Equal(expected, SepaText.Transliterate(input, 70));
    }

    [Fact]
    public void Transliterate_CutsToMaximum()
    {
        var result = SepaText.Transliterate(new string('a', 100), SepaText.MaxNameLength);

        Assert.Equal(70, result.Length);
    }

    /// <summary>
    /// Every character from U+0080 to U+024F, between two letters, transliterates as decomposing it
    /// (Unicode form D) and dropping the combining marks would: the lookup table for accented
    /// letters must agree with the Unicode data.
    /// </summary>
    [Fact]
    public void Transliterate_AgreesWithDecompositionForLatinLetters()
    {
        var differences = new List<string>();
        for (var c = '\u0080'; c <= '\u024F'; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var letters = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
            if (letters.Length != 1 || !char.IsAsciiLetter(letters[0]))
            {
                continue;
            }

            var result = SepaText.Transliterate("x" + c + "x", 70);
            if (result != "x" + letters[0] + "x")
            {
                differences.Add($"U+{(int)c:X4} {c}: {result}");
            }
        }

        Assert.Empty(differences);
    }
}
