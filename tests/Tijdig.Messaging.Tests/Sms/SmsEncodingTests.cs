using Tijdig.Messaging.Sms;

namespace Tijdig.Messaging.Tests.Sms;

public sealed class SmsEncodingTests
{
    public static TheoryData<string, SmsCharacterEncoding, int, int> Cases => new()
    {
        { "", SmsCharacterEncoding.Gsm7, 0, 1 },
        { "Hallo", SmsCharacterEncoding.Gsm7, 5, 1 },
        { new string('a', 160), SmsCharacterEncoding.Gsm7, 160, 1 },
        { new string('a', 161), SmsCharacterEncoding.Gsm7, 161, 2 },
        { new string('a', 306), SmsCharacterEncoding.Gsm7, 306, 2 },
        { new string('a', 307), SmsCharacterEncoding.Gsm7, 307, 3 },
        { "€ 12,50", SmsCharacterEncoding.Gsm7, 8, 1 },
        { new string('€', 80), SmsCharacterEncoding.Gsm7, 160, 1 },
        { new string('€', 81), SmsCharacterEncoding.Gsm7, 162, 2 },
        // 152 plain septets then €: the escape pair does not fit in part one, so it moves to part two.
        { new string('a', 152) + "€" + new string('a', 151), SmsCharacterEncoding.Gsm7, 305, 2 },
        { new string('a', 152) + "€" + new string('a', 152), SmsCharacterEncoding.Gsm7, 306, 3 },
        { "[]{}~\\^|", SmsCharacterEncoding.Gsm7, 16, 1 },
        { "Café Müller, Ñandù, Ærø", SmsCharacterEncoding.Gsm7, 23, 1 },
        { "Ñandú", SmsCharacterEncoding.Ucs2, 5, 1 },
        { "Zoë", SmsCharacterEncoding.Ucs2, 3, 1 },
        { "ruïne", SmsCharacterEncoding.Ucs2, 5, 1 },
        { "coördinatie", SmsCharacterEncoding.Gsm7, 11, 1 },
        { "ç", SmsCharacterEncoding.Ucs2, 1, 1 },
        { "‘quote’", SmsCharacterEncoding.Ucs2, 7, 1 },
        { "a – b", SmsCharacterEncoding.Ucs2, 5, 1 },
        { new string('ë', 70), SmsCharacterEncoding.Ucs2, 70, 1 },
        { new string('ë', 71), SmsCharacterEncoding.Ucs2, 71, 2 },
        { new string('ë', 134), SmsCharacterEncoding.Ucs2, 134, 2 },
        { new string('ë', 135), SmsCharacterEncoding.Ucs2, 135, 3 },
        { "😀", SmsCharacterEncoding.Ucs2, 2, 1 },
        // 66 code units then an emoji: the surrogate pair moves whole to part two.
        { new string('ë', 66) + "😀" + new string('ë', 65), SmsCharacterEncoding.Ucs2, 133, 2 },
        { new string('ë', 66) + "😀" + new string('ë', 66), SmsCharacterEncoding.Ucs2, 134, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyse_CountsEncodingCharactersAndSegments(string text, SmsCharacterEncoding encoding, int characters, int segments)
    {
        SmsAnalysis analysis = SmsEncoding.Analyse(text);

        Assert.Equal(encoding, analysis.Encoding);
        Assert.Equal(characters, analysis.Characters);
        Assert.Equal(segments, analysis.Segments);
    }

    [Theory]
    [InlineData("‘Hallo’ – “test”…", "'Hallo' - \"test\"...")]
    [InlineData("€\u00A012,50", "€ 12,50")]
    [InlineData("Zoë", "Zoë")]
    public void ReplaceTypographicPunctuation_KeepsNames(string input, string expected)
    {
        Assert.Equal(expected, SmsEncoding.ReplaceTypographicPunctuation(input));
    }
}
