using System.Text;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>
/// The camt reader copies entry text into one reused buffer and parses amounts, dates and codes
/// from it. These cases write the same values in the XML forms that reach that buffer differently
/// (entities, CDATA, text split by a comment, surrogate pairs, text longer than the buffer) and
/// check that the entry comes out as the bank meant it.
/// </summary>
public class EntryTextTests
{
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static string Statement(string entries) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="{Camt053}" xmlns:x="urn:example:other">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-01-06T10:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
              {entries}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    private static string Transfer(string details) =>
        "<Ntry><Amt Ccy=\"EUR\">12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-01-06</Dt></BookgDt>"
        + "<NtryDtls><TxDtls>" + details + "</TxDtls></NtryDtls></Ntry>";

    private static List<BankEntry> Entries(string xml)
    {
        var entries = new List<BankEntry>();
        var result = BankFileReader.ReadEntries(new MemoryStream(Encoding.UTF8.GetBytes(xml)), (_, entry) => entries.Add(entry));
        Assert.True(result.Success, result.Error?.ToString());
        return entries;
    }

    private static EntryTransaction Transaction(string details) => Assert.Single(Assert.Single(Entries(Statement(Transfer(details)))).Transactions);

    public static TheoryData<string, string> Remittances => new()
    {
        { "<RmtInf><Ustrd>Caf&#233; &amp; co &lt;maart&gt;</Ustrd></RmtInf>", "Café & co <maart>" },
        { "<RmtInf><Ustrd><![CDATA[Factuur <F-1> & rest]]></Ustrd></RmtInf>", "Factuur <F-1> & rest" },
        { "<RmtInf><Ustrd>Fac<!-- split -->tuur F-2</Ustrd></RmtInf>", "Factuur F-2" },
        { "<RmtInf><Ustrd>Zoë 😀 betaalt</Ustrd></RmtInf>", "Zoë 😀 betaalt" },
        { "<RmtInf><Ustrd>   ruimte eromheen  </Ustrd></RmtInf>", "ruimte eromheen" },
        { "<RmtInf><Ustrd>eerste</Ustrd><Ustrd> </Ustrd><Ustrd>tweede</Ustrd></RmtInf>", "eerste tweede" },
        { "<RmtInf><Ustrd>a<x:Extra>b</x:Extra>c</Ustrd></RmtInf>", "abc" },
    };

    [Theory]
    [MemberData(nameof(Remittances))]
    public void Remittance_ReadAsWritten(string details, string expected)
    {
        var transaction = Transaction(details);

        Assert.Equal(expected, transaction.RemittanceUnstructured);
    }

    [Fact]
    public void Text_LongerThanBuffer_ReadWhole()
    {
        var text = string.Concat(Enumerable.Repeat("kinderopvang 😀 ", 2000));
        var xml = Statement(
            Transfer("<AddtlTxInf>" + text + "</AddtlTxInf>")
            + Transfer("<RmtInf><Ustrd>daarna kort</Ustrd></RmtInf>"));

        var entries = Entries(xml);

        Assert.Equal(text.Trim(), entries[0].Transactions[0].AdditionalInformation);
        Assert.Equal("daarna kort", entries[1].Transactions[0].RemittanceUnstructured);
    }

    [Fact]
    public void ForeignNamespace_NotTakenForElement()
    {
        var transaction = Transaction("<RltdPties><Dbtr><x:Nm>Niet deze</x:Nm><Nm>Ouder Jansen</Nm></Dbtr></RltdPties>");

        Assert.Equal("Ouder Jansen", transaction.CounterpartyName);
    }

    public static TheoryData<string, string?> EndToEndIds => new()
    {
        { "<Refs><EndToEndId>F-2025-1</EndToEndId></Refs>", "F-2025-1" },
        { "<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>", null },
        { "<Refs><EndToEndId> NOTPROVIDED </EndToEndId></Refs>", null },
        { "<Refs><EndToEndId>NOTPROVIDED-2</EndToEndId></Refs>", "NOTPROVIDED-2" },
        { "<Refs><EndToEndId>  </EndToEndId></Refs>", null },
    };

    [Theory]
    [MemberData(nameof(EndToEndIds))]
    public void EndToEndId_NotProvidedIsNone(string details, string? expected)
    {
        Assert.Equal(expected, Transaction(details).EndToEndId);
    }

    public static TheoryData<string, string, CreditDebit, string> AmountsAndDates => new()
    {
        { "12.50", "<BookgDt><Dt>2025-01-06</Dt></BookgDt>", CreditDebit.Credit, "2025-01-06" },
        { " 12.5 ", "<BookgDt><Dt> 2024-02-29 </Dt></BookgDt>", CreditDebit.Credit, "2024-02-29" },
        { "12", "<BookgDt><DtTm>2025-03-30T01:30:00+01:00</DtTm></BookgDt>", CreditDebit.Debit, "2025-03-30" },
        { "0012.50", "<BookgDt><Dt>2025-12-31</Dt></BookgDt>", CreditDebit.Debit, "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(AmountsAndDates))]
    public void AmountAndBookingDate_ParsedFromTheBuffer(string amount, string bookingDate, CreditDebit direction, string expectedDate)
    {
        var sign = direction == CreditDebit.Credit ? "CRDT" : "DBIT";
        var entry = Assert.Single(Entries(Statement($"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{sign}</CdtDbtInd>{bookingDate}</Ntry>")));

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
        Assert.Equal(direction, entry.Direction);
        Assert.Equal(DateOnly.ParseExact(expectedDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.BookingDate);
        Assert.Equal("EUR", entry.Currency);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "<BookgDt><Dt>2025-02-30</Dt></BookgDt>", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt", "2025-02-30" },
        { "<BookgDt><Dt>0000-01-01</Dt></BookgDt>", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt", "0000-01-01" },
        { "<ValDt><Dt>06-01-2025</Dt></ValDt>", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/ValDt", "06-01-2025" },
        { "<RvslInd>misschien</RvslInd>", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/RvslInd", "misschien" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValue_NamesPathAndValue(string element, string location, string value)
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            Statement($"<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>{element}</Ntry>"))));

        Assert.False(result.Success);
        Assert.Equal(location, result.Error!.Location);
        Assert.Contains(value, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDirection_NamesTheTransaction()
    {
        var result = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            Statement(Transfer("<CdtDbtInd>CRDX</CdtDbtInd>")))));

        Assert.False(result.Success);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/CdtDbtInd", result.Error!.Location);
        Assert.Contains("CRDX", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_RepeatedOverEntries_KeepTheirValues()
    {
        var code = "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn><Prtry><Cd>N078</Cd></Prtry></BkTxCd>";
        var other = "<Ntry><Amt Ccy=\"EUR\">2.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts></Ntry>";
        var first = $"<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>{code}</Ntry>";

        var entries = Entries(Statement(first + other + first));

        Assert.Equal(["BOOK", "PDNG", "BOOK"], entries.Select(e => e.Status));
        Assert.Equal(new BankTransactionCode("PMNT", "RCDT", "ESCT", "N078"), entries[2].TransactionCode);
        Assert.Null(entries[1].TransactionCode);
    }
}
