using Tijdig.Messaging.Sms;

namespace Tijdig.Messaging.Tests.Sms;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("06 12345678", "+31612345678")]
    [InlineData("0612345678", "+31612345678")]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("06 1234 5678", "+31612345678")]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("  06 12 34 56 78 ", "+31612345678")]
    [InlineData("0651234567", "+31651234567")]
    [InlineData("0681234567", "+31681234567")]
    [InlineData("+32470123456", "+32470123456")]
    [InlineData("+4915123456789", "+4915123456789")]
    public void NormalizeDutchMobile_ReturnsE164(string input, string expected)
    {
        PhoneNumberResult result = PhoneNumbers.NormalizeDutchMobile(input);

        Assert.True(result.IsValid, result.MessageEnglish);
        Assert.Equal(expected, result.E164);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("", PhoneNumberError.Missing)]
    [InlineData("   ", PhoneNumberError.Missing)]
    [InlineData(null, PhoneNumberError.Missing)]
    [InlineData("geen nummer", PhoneNumberError.Unreadable)]
    [InlineData("0612345", PhoneNumberError.Invalid)]
    [InlineData("061234567890", PhoneNumberError.Invalid)]
    [InlineData("020 1234567", PhoneNumberError.NotMobile)]
    [InlineData("0301234567", PhoneNumberError.NotMobile)]
    [InlineData("0800 1234", PhoneNumberError.NotMobile)]
    [InlineData("0661234567", PhoneNumberError.NotMobile)]
    [InlineData("+3225123456", PhoneNumberError.NotMobile)]
    [InlineData("097012345678", PhoneNumberError.MachineToMachine)]
    [InlineData("+3197012345678", PhoneNumberError.MachineToMachine)]
    public void NormalizeDutchMobile_RejectsWithDutchMessage(string? input, PhoneNumberError expected)
    {
        PhoneNumberResult result = PhoneNumbers.NormalizeDutchMobile(input);

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.Equal(expected, result.Error);
        Assert.Equal(PhoneNumberMessages.Dutch(expected), result.Message);
        Assert.Equal(PhoneNumberMessages.English(expected), result.MessageEnglish);
    }

    [Fact]
    public void Messages_AreDistinctPerLanguage()
    {
        PhoneNumberError[] errors = Enum.GetValues<PhoneNumberError>();

        Assert.Equal(errors.Length, errors.Select(PhoneNumberMessages.Dutch).Distinct().Count());
        Assert.Equal(errors.Length, errors.Select(PhoneNumberMessages.English).Distinct().Count());
        Assert.All(errors, error => Assert.NotEqual(PhoneNumberMessages.English(error), PhoneNumberMessages.Dutch(error)));
    }
}
