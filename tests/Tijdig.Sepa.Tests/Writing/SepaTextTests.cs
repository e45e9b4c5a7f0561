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
}
