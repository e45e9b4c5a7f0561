using System.Globalization;
using System.Text;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>Every shared MT940 sample; counts and sums were taken from the :20: and :61: lines of the files.</summary>
public class Mt940Tests
{
    public static TheoryData<string, int, int, string, string> Samples => new()
    {
        { "mt940/asn-bank.sta", 31, 8, "2828.90", "2771.96" },
        { "mt940/jejik-abnamro.sta", 2, 10, "0", "345.93" },
        { "mt940/jejik-ing.sta", 1, 7, "4.68", "50.27" },
        { "mt940/jejik-knab.sta", 2, 3, "1000", "7260" },
        { "mt940/jejik-rabobank.sta", 4, 5, "0", "1589.09" },
        { "mt940/jejik-triodos.sta", 1, 2, "0", "715.70" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_SampleMatchesTable(string file, int statements, int entries, string credit, string debit)
    {
        using var stream = SharedFiles.OpenSample(file);

        var result = BankFileReader.Read(stream);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(BankMessageKind.Mt940, result.Value.Kind);
        Assert.Equal(statements, result.Value.Statements.Count);
        var all = result.Value.Statements.SelectMany(s => s.Entries).ToList();
        Assert.Equal(entries, all.Count);
        Assert.Equal(decimal.Parse(credit, CultureInfo.InvariantCulture), all.Where(e => e.Direction == CreditDebit.Credit).Sum(e => e.Amount));
        Assert.Equal(decimal.Parse(debit, CultureInfo.InvariantCulture), all.Where(e => e.Direction == CreditDebit.Debit).Sum(e => e.Amount));
        Assert.All(all, e => Assert.Equal("EUR", e.Currency));
    }

    [Fact]
    public void Read_AsnGivesIbanNameAndDates()
    {
        using var stream = SharedFiles.OpenSample("mt940/asn-bank.sta");

        var document = BankFileReader.Read(stream).Value;

        var first = document.Statements[0];
        Assert.Equal("NL81ASNB9999999999", first.AccountIban);
        var entry = first.Entries.Single();
        Assert.Equal(65.00m, entry.Amount);
        Assert.Equal(new DateOnly(2020, 1, 1), entry.ValueDate);
        Assert.Equal("NL47INGB9999999999", entry.Transactions.Single().CounterpartyIban);
        Assert.Equal("hr gjlm paulissen", entry.Transactions.Single().CounterpartyName);
        Assert.Contains("Betaling sieraden", entry.AdditionalInformation, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RabobankJoinsDetailLines()
    {
        using var stream = SharedFiles.OpenSample("mt940/jejik-rabobank.sta");

        var entry = BankFileReader.Read(stream).Value.Statements[0].Entries.Single();

        Assert.Equal("Terugboeking NIET AKKOORD MET AFSCHRIJVING KOSTEN KINDEROPVANG JUNI 20095731", entry.AdditionalInformation);
        Assert.Equal(1213.28m, entry.Amount);
    }

    [Fact]
    public void Read_KnabBankReferenceAndName()
    {
        using var stream = SharedFiles.OpenSample("mt940/jejik-knab.sta");

        var entries = BankFileReader.Read(stream).Value.Statements[1].Entries;

        Assert.Equal("B4G29PGCVO7Q06US", entries[0].AccountServicerReference);
        Assert.Equal("PICQER", entries[0].Transactions.Single().CounterpartyName);
        Assert.Equal("NL65INGB0123456789", entries[0].Transactions.Single().CounterpartyIban);
        Assert.Equal(500m, entries[1].Amount);
    }

    [Fact]
    public void Read_DutchTagsFillTheModel()
    {
        const string statement = """
            :20:STMT1
            :25:NL91ABNA0417164300
            :28C:42/1
            :60F:C250303EUR1000,00
            :61:2503040304RD101,25N077NONREF//BANKREF1
            :86:/TRTP/SEPA Incasso terugboeking/CSID/NL51ZZZ405365330000/MARF/MNDT-00
            001/EREF/INV-2025-00001-1/RTRN/AM04/IBAN/NL20INGB0001234567/BIC/INGBNL2A
            /NAME/Zoe Muller/REMI/USTD//Factuur 1 kinderopvang/
            :61:2503040304C50,00N166NONREF
            :86:/EREF/NOTPROVIDED/REMI/STRD/CUR/5000056789012345/
            :62F:C250304EUR948,75
            -
            """;

        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(statement)));

        Assert.True(result.Success, result.Error?.ToString());
        var statementRead = result.Value.Statements.Single();
        Assert.Equal("NL91ABNA0417164300", statementRead.AccountIban);
        Assert.Equal(42, statementRead.ElectronicSequenceNumber);
        var returned = statementRead.Entries[0];
        Assert.True(returned.Reversal);
        Assert.Equal(CreditDebit.Debit, returned.Direction);
        Assert.Equal("BANKREF1", returned.AccountServicerReference);
        Assert.Equal("AM04", returned.Return?.ReasonCode);
        var tx = returned.Transactions.Single();
        Assert.Equal("INV-2025-00001-1", tx.EndToEndId);
        Assert.Equal("MNDT-00001", tx.MandateId);
        Assert.Equal("NL20INGB0001234567", tx.CounterpartyIban);
        Assert.Equal("Zoe Muller", tx.CounterpartyName);
        Assert.Equal("Factuur 1 kinderopvang", tx.RemittanceUnstructured);
        var credit = statementRead.Entries[1].Transactions.Single();
        Assert.Null(credit.EndToEndId);
        Assert.Equal("5000056789012345", credit.RemittanceStructured);
    }

    [Fact]
    public void Read_BadEntryLineNamesLine()
    {
        const string statement = ":20:STMT1\n:25:X\n:60F:C250303EUR1000,00\n:61:25030X0304C1,00N077NONREF\n:62F:C250304EUR1001,00\n";

        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(statement)));

        Assert.Equal(SepaMessages.InvalidValueCode, result.Error?.Code);
        Assert.Equal("line 4", result.Error?.Location);
    }

    [Fact]
    public void Read_ThreeDecimalAmountFails()
    {
        const string statement = ":20:STMT1\n:25:X\n:60F:C250303EUR1000,00\n:61:2503040304C1,005N077NONREF\n";

        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(statement)));

        Assert.Equal(SepaMessages.InvalidAmountCode, result.Error?.Code);
    }
}
