using Tijdig.Sepa.Returns;

namespace Tijdig.Sepa.Tests.Returns;

public class ReasonCodesTests
{
    [Theory]
    [InlineData("AM04", ReturnAction.Represent)]
    [InlineData("ms03", ReturnAction.Represent)]
    [InlineData("MS02", ReturnAction.PaymentRequest)]
    [InlineData("AC04", ReturnAction.SwitchToManualPayment)]
    [InlineData("MD01", ReturnAction.SwitchToManualPayment)]
    [InlineData("MD06", ReturnAction.Human)]
    [InlineData(" AG02 ", ReturnAction.Human)]
    public void Find_GivesAction(string code, ReturnAction expected) => Assert.Equal(expected, ReasonCodes.Find(code)?.Action);

    [Fact]
    public void Find_UnknownIsNull() => Assert.Null(ReasonCodes.Find("XX99"));

    [Fact]
    public void All_CoversEveryDocumentedCode()
    {
        string[] documented = ["AC01", "AC04", "AC06", "AC13", "AG01", "AG02", "AM04", "AM05", "AM06", "AM07", "BE05", "CNOR", "DNOR", "FF01", "FF05",
            "MD01", "MD02", "MD06", "MD07", "MS02", "MS03", "RC01", "RR01", "RR02", "RR03", "RR04", "SL01", "FOCR"];

        Assert.Equal(documented.Order(), ReasonCodes.All.Select(r => r.Code).Order());
        Assert.All(ReasonCodes.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Dutch)));
        Assert.True(ReasonCodes.Find("MD06")!.Types.HasFlag(RTransactionTypes.Refund));
    }
}
