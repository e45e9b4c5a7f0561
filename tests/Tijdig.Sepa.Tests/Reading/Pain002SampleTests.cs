using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

public class Pain002SampleTests
{
    [Fact]
    public void Read_BoiRejectsGiveFourReasons()
    {
        using var stream = SharedFiles.OpenSample("pain002/oca-boi-pain002v03-dd-rejects.xml");

        var result = BankFileReader.Read(stream);

        Assert.True(result.Success, result.Error?.ToString());
        var document = result.Value;
        Assert.Equal(BankMessageKind.Pain002, document.Kind);
        Assert.Equal("MSGID99345678912", document.MessageId);
        Assert.Empty(document.Statements);
        var report = document.StatusReport!;
        Assert.Equal("MSGID12345678912", report.OriginalMessageId);
        Assert.Equal("PAIN.008.001.02", report.OriginalMessageType);
        Assert.Equal(["PMTINFID1", "PMTINFID2"], report.Batches.Select(b => b.OriginalPaymentInformationId));
        var transactions = report.Batches.SelectMany(b => b.Transactions).ToList();
        Assert.Equal(["AC01", "MS02", "MD06", "AM04"], transactions.Select(t => t.ReasonCode));
        Assert.Equal(["E2EID1", "E2EID2", "E2EID3", "E2EID4"], transactions.Select(t => t.OriginalEndToEndId));
        Assert.All(transactions, t => Assert.Equal("RJCT", t.Status));
        var first = transactions[0];
        Assert.Equal(100m, first.Amount);
        Assert.Equal("MANDATEID1", first.MandateId);
        Assert.Equal(new DateOnly(2016, 10, 9), first.RequestedCollectionDate);
        Assert.Equal("DEBTOR1", first.DebtorName);
        Assert.Equal("IE98BOFI90393912121212", first.DebtorIban);
        Assert.Equal("ACC NUMBER INVALID", first.AdditionalInformation);
    }

    [Fact]
    public void ReadEntries_Pain002IsNotAStatement()
    {
        using var stream = SharedFiles.OpenSample("pain002/oca-boi-pain002v03-dd-rejects.xml");

        var result = BankFileReader.ReadEntries(stream, (_, _) => { });

        Assert.Equal(SepaMessages.NotAStatementCode, result.Error?.Code);
    }
}
