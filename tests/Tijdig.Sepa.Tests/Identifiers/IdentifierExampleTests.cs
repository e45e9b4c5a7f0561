using Tijdig.Sepa.Identifiers;

namespace Tijdig.Sepa.Tests.Identifiers;

public class IdentifierExampleTests
{
    [Theory]
    [InlineData("NL91 ABNA 0417 1643 00", true)]
    [InlineData("nl91abna0417164300", true)]
    [InlineData("NL91ABNA0417164301", false)]
    [InlineData("NL91ABNA041716430", false)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("BE68539007547034", true)]
    [InlineData("", false)]
    public void Iban_Validate(string value, bool expected) => Assert.Equal(expected, Iban.IsValid(value));

    [Fact]
    public void Iban_CreateComputesCheckDigits() => Assert.Equal("NL91ABNA0417164300", Iban.Create("NL", "ABNA0417164300").Value);

    [Fact]
    public void Iban_NormalizeRemovesSpaces() => Assert.Equal("NL91ABNA0417164300", Iban.Normalize(" nl91 abna 0417 1643 00 "));

    [Theory]
    [InlineData("ABNANL2A", true)]
    [InlineData("RABONL2UXXX", true)]
    [InlineData("ABNANL2", false)]
    [InlineData("ABNA1L2A", false)]
    public void Bic_Validate(string value, bool expected) => Assert.Equal(expected, Bic.IsValid(value));

    [Fact]
    public void CreditorIdentifier_CreateMatchesNvbExample() =>
        Assert.Equal("NL51ZZZ405365330000", CreditorIdentifier.Create("NL", "405365330000").Value);

    [Fact]
    public void CreditorIdentifier_IgnoresBusinessCode()
    {
        Assert.True(CreditorIdentifier.IsValid("NL51ABC405365330000"));
        Assert.True(CreditorIdentifier.AreSameCreditor("NL51ZZZ405365330000", "NL51ABC405365330000"));
        Assert.False(CreditorIdentifier.IsValid("NL52ZZZ405365330000"));
    }

    [Theory]
    [InlineData("5000 0567 8901 2345", true)]
    [InlineData("1223 4534 6225 67", true)]
    [InlineData("800012345678", true)]
    [InlineData("1234567", true)]
    [InlineData("12345678", false)]
    [InlineData("5000056789012346", false)]
    [InlineData("700012345678", false)]
    public void PaymentReference_IsValid(string value, bool expected) => Assert.Equal(expected, PaymentReference.IsValid(value));

    [Fact]
    public void PaymentReference_CreateGivesSixteenDigits() => Assert.Equal("5000056789012345", PaymentReference.Create(56789012345));

    [Theory]
    [InlineData("RF18 5390 0754 7034", true)]
    [InlineData("RF48 5000 0567 8901 2345", true)]
    [InlineData("RF19 5390 0754 7034", false)]
    public void RfReference_IsValid(string value, bool expected) => Assert.Equal(expected, RfReference.IsValid(value));

    [Fact]
    public void RfReference_CreateMatchesIsoExample() => Assert.Equal("RF712348231", RfReference.Create("2348231").Value);
}
