using Tijdig.Messaging.Links;

namespace Tijdig.Messaging.Tests.Links;

public sealed class ArrangementLinksTests
{
    private static readonly ArrangementLinks Links = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly DateOnly ValidUntil = new(2026, 6, 30);

    [Fact]
    public void Create_BuildsSignedPageLink()
    {
        string link = Links.Create("https://portaal.example.nl/", "D 12/3", ValidUntil);

        Assert.StartsWith("https://portaal.example.nl/betalingsregeling?d=D%2012%2F3&e=20260630&sig=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("=", link[(link.IndexOf("sig=", StringComparison.Ordinal) + 4)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D123", "20260630", null, "2026-06-30", ArrangementLinkError.None)]
    [InlineData("D124", "20260630", null, "2026-06-30", ArrangementLinkError.BadSignature)]
    [InlineData("D123", "20260701", null, "2026-06-30", ArrangementLinkError.BadSignature)]
    [InlineData("D123", "20260630", "forged", "2026-06-30", ArrangementLinkError.BadSignature)]
    [InlineData("D123", "20260630", null, "2026-07-01", ArrangementLinkError.Expired)]
    [InlineData("D123", "2026-06-30", null, "2026-06-30", ArrangementLinkError.Malformed)]
    [InlineData("", "20260630", null, "2026-06-30", ArrangementLinkError.Missing)]
    public void Verify_ChecksSignatureAndExpiry(string debtor, string expiry, string? signature, string today, ArrangementLinkError expected)
    {
        string link = Links.Create("https://p.example", "D123", ValidUntil);
        string realSignature = link[(link.IndexOf("sig=", StringComparison.Ordinal) + 4)..];

        ArrangementLinkCheck check = Links.Verify(debtor, expiry, signature ?? realSignature, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, check.Error);
        Assert.Equal(expected == ArrangementLinkError.None, check.IsValid);
    }

    [Fact]
    public void Verify_OtherKeyRejects()
    {
        string link = Links.Create("https://p.example", "D123", ValidUntil);
        ArrangementLinks other = new(new byte[32]);

        ArrangementLinkCheck check = other.Verify("D123", "20260630", link[(link.IndexOf("sig=", StringComparison.Ordinal) + 4)..], ValidUntil);

        Assert.Equal(ArrangementLinkError.BadSignature, check.Error);
    }

    [Fact]
    public void Constructor_RejectsShortKey()
    {
        Assert.Throws<ArgumentException>(() => new ArrangementLinks(new byte[16]));
    }
}
