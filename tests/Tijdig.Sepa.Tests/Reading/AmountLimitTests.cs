using System.Text;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>
/// An amount too large for a <see cref="decimal"/>, or for a count of cents in a <see cref="long"/>,
/// must fail as an invalid amount instead of throwing an overflow from the reader or the host.
/// </summary>
public class AmountLimitTests
{
    private static string Camt(string amount) => OneEntryCamt.With($"""<Amt Ccy="EUR">{amount}</Amt>""");

    private static string Mt940(string amount) =>
        $"""
        :20:REF1
        :25:NL91ABNA0417164300
        :28C:1
        :60F:C250106EUR0,00
        :61:250106C{amount}NTRFNONREF
        :86:test
        :62F:C250106EUR0,00
        -
        """;

    public static TheoryData<string> Amounts() => new()
    {
        "79228162514264337593543950.00",
        "99999999999999999999999999999999.00",
        "10000000000000000",
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Read_CamtHugeAmountRejected(string amount)
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Camt(amount))));

        Assert.False(result.Success, $"{amount} was read as a valid amount");
        Assert.Equal(SepaMessages.InvalidAmountCode, result.Error!.Code);
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Read_Mt940HugeAmountRejected(string amount)
    {
        var text = Mt940(amount.Replace('.', ','));

        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.False(result.Success, $"{amount} was read as a valid amount");
        Assert.Equal(SepaMessages.InvalidAmountCode, result.Error!.Code);
    }

    [Fact]
    public void Read_LargestAmountAccepted()
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Camt("9999999999999999.99"))));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(9999999999999999.99m, result.Value.Statements[0].Entries[0].Amount);
    }
}
