using System.Text;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>
/// The Ccy attribute of an entry amount is mandatory and contains an ISO 4217 code. An entry without a
/// valid code must not pass as a foreign-currency entry: it would be stored unbooked, and the bank's
/// corrected file would then be skipped as seen before.
/// </summary>
public class EntryCurrencyTests
{
    private static string Statement(string amount) => OneEntryCamt.With(amount);

    public static TheoryData<string, string> Cases() => new()
    {
        { """<Amt>10.00</Amt>""", SepaMessages.MissingElementCode },
        { """<Amt Ccy="">10.00</Amt>""", SepaMessages.InvalidValueCode },
        { """<Amt Ccy="eur">10.00</Amt>""", SepaMessages.InvalidValueCode },
        { """<Amt Ccy="EURO">10.00</Amt>""", SepaMessages.InvalidValueCode },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_InvalidCurrencyRejected(string amount, string code)
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Statement(amount))));

        Assert.False(result.Success, $"{amount} was read as a valid entry amount");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt", result.Error.Location);
    }

    [Fact]
    public void Read_ForeignCurrencyStillRead()
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Statement("""<Amt Ccy="CHF">10.00</Amt>"""))));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("CHF", result.Value.Statements[0].Entries[0].Currency);
    }
}
