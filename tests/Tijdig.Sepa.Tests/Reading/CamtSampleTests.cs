using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>Every shared camt sample, with totals counted from the XML by hand (a Python script over the files).</summary>
public class CamtSampleTests
{
    public static TheoryData<string, BankMessageKind, int, int, int, string, string, string, string?> Samples => new()
    {
        // file, kind, statements, entries, TxDtls, credit sum, debit sum, return reasons, first EndToEndId
        { "camt053/camtparser-ing-nl-camt053v02-batch.xml", BankMessageKind.Camt053, 1, 3, 2, "7688.00", "4753.74", "", "GBSXX21170607391766562" },
        { "camt053/camtparser-postfinance-ch-camt053v04-dd-returns.xml", BankMessageKind.Camt053, 1, 13, 32, "1810.56", "1272.95", "NARR,NARR,NARR,MD06,MD06", "EndToEnd-CRDBRActSame-1B9C-CHDDBB2" },
        { "camt053/genkgo-camt053v02-multi-statement.xml", BankMessageKind.Camt053, 2, 2, 2, "8.85", "7.00", "", "000000001" },
        { "camt053/genkgo-camt053v08.xml", BankMessageKind.Camt053, 1, 1, 1, "8.85", "0", "", "MUELL/FINP/RA12345" },
        { "camt053/oca-abnamro-nl-camt053v02.xml", BankMessageKind.Camt053, 1, 3, 4, "1405.31", "1418.30", "AC06,AC06", "435005714488-ABNO33052620" },
        { "camt053/oca-ch-camt053v04-multi-txdtls.xml", BankMessageKind.Camt053, 1, 1, 2, "3483.00", "0", "", null },
        { "camt053/ofxstatement-camt053v08-dmct.xml", BankMessageKind.Camt053, 1, 1, 1, "1284.30", "0", "", "9502830971" },
        { "camt054/camtparser-postfinance-ch-camt054v04-dd-md06.xml", BankMessageKind.Camt054, 1, 4, 5, "80.56", "21.53", "MD06,MD06", "EndToEnd-CRDBRActSame-1B9C-CHDDBB2" },
        { "camt054/genkgo-camt054v02.xml", BankMessageKind.Camt054, 1, 1, 3, "0", "200000", "", "MUELL/FINP/RA12345" },
        { "camt054/genkgo-ch-camt054v08.xml", BankMessageKind.Camt054, 1, 1, 3, "0", "200000", "", "UXC06170000006PI00001EE00001" },
        { "camt054/oca-boi-camt054v02-dd-return-ac06.xml", BankMessageKind.Camt054, 1, 1, 1, "0", "100.00", "AC06", "E2EID1" },
        { "camt054/oca-camt054v04.xml", BankMessageKind.Camt054, 1, 1, 1, "5.00", "0", "", "ENDTOENDID-01" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_SampleMatchesTable(string file, BankMessageKind kind, int statements, int entries, int transactions,
        string credit, string debit, string reasons, string? firstEndToEndId)
    {
        using var stream = SharedFiles.OpenSample(file);

        var result = BankFileReader.Read(stream);

        Assert.True(result.Success, result.Error?.ToString());
        var document = result.Value;
        var allEntries = document.Statements.SelectMany(s => s.Entries).ToList();
        var allTransactions = allEntries.SelectMany(e => e.Transactions).ToList();
        Assert.Equal(kind, document.Kind);
        Assert.Equal(statements, document.Statements.Count);
        Assert.Equal(entries, allEntries.Count);
        Assert.Equal(transactions, allTransactions.Count);
        Assert.Equal(decimal.Parse(credit, System.Globalization.CultureInfo.InvariantCulture), allEntries.Where(e => e.Direction == CreditDebit.Credit).Sum(e => e.Amount));
        Assert.Equal(decimal.Parse(debit, System.Globalization.CultureInfo.InvariantCulture), allEntries.Where(e => e.Direction == CreditDebit.Debit).Sum(e => e.Amount));
        Assert.Equal(reasons, string.Join(",", allTransactions.Select(t => t.Return?.ReasonCode).OfType<string>()));
        Assert.Equal(firstEndToEndId, allTransactions.Select(t => t.EndToEndId).FirstOrDefault(id => id is not null));
        Assert.False(string.IsNullOrEmpty(document.MessageId));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadEntries_SummaryMatchesRead(string file, BankMessageKind kind, int statements, int entries, int transactions,
        string credit, string debit, string reasons, string? firstEndToEndId)
    {
        using var stream = SharedFiles.OpenSample(file);
        var seen = 0;

        var result = BankFileReader.ReadEntries(stream, (_, _) => seen++);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(kind, result.Value.Kind);
        Assert.Equal(statements, result.Value.StatementCount);
        Assert.Equal(entries, result.Value.EntryCount);
        Assert.Equal(entries, seen);
        Assert.Equal(decimal.Parse(credit, System.Globalization.CultureInfo.InvariantCulture), result.Value.CreditTotal);
        Assert.Equal(decimal.Parse(debit, System.Globalization.CultureInfo.InvariantCulture), result.Value.DebitTotal);
        Assert.True(transactions >= 0 && reasons is not null && (firstEndToEndId is null || firstEndToEndId.Length > 0));
    }

    [Fact]
    public void Read_AbnAmroReturnHasCodesAndCounterparty()
    {
        using var stream = SharedFiles.OpenSample("camt053/oca-abnamro-nl-camt053v02.xml");

        var statement = BankFileReader.Read(stream).Value.Statements.Single();

        Assert.Equal("NL77ABNA0574908765", statement.AccountIban);
        var returned = statement.Entries[1];
        Assert.True(returned.Reversal);
        Assert.Equal("BOOK", returned.Status);
        Assert.True(returned.TransactionCode!.Is("PMNT", "IDDT", "UPDD"));
        Assert.Equal("EIST", returned.TransactionCode.Proprietary);
        Assert.Equal(new DateOnly(2014, 1, 5), returned.BookingDate);
        Assert.Equal("AC06", returned.Return?.ReasonCode);
        var first = returned.Transactions[0];
        Assert.Equal("NL22ZZZ524885430000-C0125.1", first.MandateId);
        Assert.Equal("TESTBANK/NL/20141229/01206408", first.InstructionId);
        Assert.Equal(564.05m, first.Amount);
        Assert.Equal("Test Customer", first.CounterpartyName);
        Assert.Equal("Direct Debit S14 0410", first.RemittanceUnstructured);

        var credit = statement.Entries[2].Transactions.Single();
        Assert.Equal("3rd party Media", credit.CounterpartyName);
        Assert.Equal("NL69ABNA0522123643", credit.CounterpartyIban);
    }

    [Fact]
    public void Read_BoiReturnNamesDebtorAndOriginator()
    {
        using var stream = SharedFiles.OpenSample("camt054/oca-boi-camt054v02-dd-return-ac06.xml");

        var entry = BankFileReader.Read(stream).Value.Statements.Single().Entries.Single();

        var tx = entry.Transactions.Single();
        Assert.Equal("B3/0811", entry.TransactionCode?.Proprietary);
        Assert.Equal("MANDATEID2", tx.MandateId);
        Assert.Equal("DEBTOR4", tx.CounterpartyName);
        Assert.Equal("IE16AIBK93110187654321", tx.CounterpartyIban);
        Assert.Equal(new ReturnInformation("AC06", "BOFIIE2D", "/RTYP/RTRN"), tx.Return);
        Assert.Equal("/SQTP/RCUR/DTOFSGNT/2013-11-14", tx.AdditionalInformation);
    }

    [Fact]
    public void Read_IngBatchEntryWithoutDetailsHasNoTransactions()
    {
        using var stream = SharedFiles.OpenSample("camt053/camtparser-ing-nl-camt053v02-batch.xml");

        var entries = BankFileReader.Read(stream).Value.Statements.Single().Entries;

        Assert.Single(entries, e => e.Transactions.Count == 0);
        Assert.All(entries, e => Assert.Equal("EUR", e.Currency));
    }

    [Fact]
    public void Read_MultiStatementKeepsStatementsApart()
    {
        using var stream = SharedFiles.OpenSample("camt053/genkgo-camt053v02-multi-statement.xml");

        var statements = BankFileReader.Read(stream).Value.Statements;

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Single(s.Entries));
        Assert.NotEqual(statements[0].StatementId, statements[1].StatementId);
    }

    [Theory]
    [InlineData("camt053/oca-abnamro-nl-camt053v02.xml", BankMessageKind.Camt053)]
    [InlineData("camt054/oca-camt054v04.xml", BankMessageKind.Camt054)]
    [InlineData("pain002/oca-boi-pain002v03-dd-rejects.xml", BankMessageKind.Pain002)]
    [InlineData("mt940/jejik-ing.sta", BankMessageKind.Mt940)]
    public void Detect_ReturnsKind(string file, BankMessageKind expected)
    {
        using var stream = SharedFiles.OpenSample(file);

        var result = BankFileReader.Detect(stream);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(expected, result.Value);
    }
}
