using System.Text;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Sepa;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>Every kind of bad bank file through the import use case: a clear error with the element path, and nothing booked.</summary>
public sealed class BankImportBadInputTests
{
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static string Statement(string entry) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="{Camt053}">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-05T10:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
              <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AcctSvcrRef>OK-1</AcctSvcrRef></Ntry>
              {entry}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] TruncatedSample()
    {
        var whole = File.ReadAllBytes(TestPaths.Sample("camt053/oca-abnamro-nl-camt053v02.xml"));
        return whole[..(whole.Length / 2)];
    }

    private static byte[] Latin1InUtf8File()
    {
        var text = Statement("""<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>Zoë</AddtlNtryInf></Ntry>""");
        return Encoding.Latin1.GetBytes(text);
    }

    public static TheoryData<string, byte[], string, string?> Cases() => new()
    {
        { "not XML", Utf8("Datum,Bedrag\n2024-03-01,10.00\n"), SepaMessages.NotXmlCode, null },
        { "empty", Utf8(" \n"), SepaMessages.EmptyFileCode, null },
        { "German DK pain.008.003.02", File.ReadAllBytes(TestPaths.Sample("pain008/sepaking-de-pain008v003-02.xml")), SepaMessages.OutgoingMessageCode, "pain.008.003.02" },
        { "unknown namespace", Utf8("""<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"><BkToCstmrStmt/></Document>"""), SepaMessages.UnsupportedNamespaceCode, "camt.053.001.99" },
        { "truncated", TruncatedSample(), SepaMessages.TruncatedCode, "Document/BkToCstmrStmt/Stmt[1]" },
        {
            "external entity",
            Utf8("""<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&xxe;</Document>"""),
            SepaMessages.DtdProhibitedCode,
            "DOCTYPE"
        },
        {
            "entity expansion",
            Utf8("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Document>&lol2;</Document>"""),
            SepaMessages.DtdProhibitedCode,
            null
        },
        { "wrong encoding", Latin1InUtf8File(), SepaMessages.EncodingCode, null },
        {
            "three decimals",
            Utf8(Statement("""<Ntry><Amt Ccy="EUR">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>""")),
            SepaMessages.InvalidAmountCode,
            "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt"
        },
        {
            "negative amount",
            Utf8(Statement("""<Ntry><Amt Ccy="EUR">-5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>""")),
            SepaMessages.InvalidAmountCode,
            "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt"
        },
        {
            "missing CdtDbtInd",
            Utf8(Statement("""<Ntry><Amt Ccy="EUR">5.00</Amt></Ntry>""")),
            SepaMessages.MissingElementCode,
            "CdtDbtInd"
        },
        {
            "missing Amt",
            Utf8(Statement("""<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>""")),
            SepaMessages.MissingElementCode,
            "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]"
        },
        {
            "pain.002 without OrgnlMsgId",
            Utf8("""<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>X</MsgId></GrpHdr><OrgnlGrpInfAndSts><GrpSts>RJCT</GrpSts></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>"""),
            SepaMessages.MissingElementCode,
            "OrgnlMsgId"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_RejectsBadFileAndBooksNothing(string name, byte[] content, string code, string? mentioned)
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, new TestInvoice("F-1", "T1001", BankLedger.Today, 10.00m));
        var path = Path.Combine(ledger.DataDirectory, "bad.xml");
        await File.WriteAllBytesAsync(path, content);

        var error = await Assert.ThrowsAsync<BankImportException>(() => ledger.ImportAsync(path));

        Assert.True(code == error.Code, $"{name}: expected {code}, got {error.Code}: {error.Message}");
        Assert.Contains("Er is niets geboekt", error.Message, StringComparison.Ordinal);
        if (mentioned is not null)
        {
            Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal((0, 0, 0, 0), await ledger.BookedCountsAsync());
        Assert.Equal(10_00, await ledger.OpenCentsAsync("F-1"));
    }
}
