using System.Text;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

public class BadInputTests
{
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static SepaError ReadError(string text) => ReadError(Encoding.UTF8.GetBytes(text));

    private static SepaError ReadError(byte[] bytes)
    {
        var result = BankFileReader.Read(new MemoryStream(bytes));
        Assert.False(result.Success);
        return result.Error!;
    }

    private static string Statement(string entry) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="{Camt053}">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-01-06T10:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
              {entry}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    [Fact]
    public void Read_NotXml()
    {
        var error = ReadError("Datum,Bedrag\n2025-01-01,10.00\n");

        Assert.Equal(SepaMessages.NotXmlCode, error.Code);
    }

    [Fact]
    public void Read_EmptyFile()
    {
        var error = ReadError("  \n");

        Assert.Equal(SepaMessages.EmptyFileCode, error.Code);
    }

    [Fact]
    public void Read_UnsupportedNamespaceListsSupported()
    {
        var error = ReadError("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"><BkToCstmrStmt/></Document>""");

        Assert.Equal(SepaMessages.UnsupportedNamespaceCode, error.Code);
        Assert.Contains("camt.053.001.99", error.Message, StringComparison.Ordinal);
        Assert.Contains("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", error.Message, StringComparison.Ordinal);
        Assert.Contains("pain.002.001.10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GermanPain008IsOutgoing()
    {
        using var stream = SharedFiles.OpenSample("pain008/sepaking-de-pain008v003-02.xml");

        var result = BankFileReader.Read(stream);

        Assert.Equal(SepaMessages.OutgoingMessageCode, result.Error?.Code);
        Assert.Contains("pain.008.003.02", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IsoPain008IsOutgoing()
    {
        using var stream = SharedFiles.OpenSample("pain008/phpsepaxml-pain008v02.xml");

        var result = BankFileReader.Read(stream);

        Assert.Equal(SepaMessages.OutgoingMessageCode, result.Error?.Code);
        Assert.Contains("you send to the bank", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile()
    {
        var whole = File.ReadAllBytes(SharedFiles.Sample("camt053/oca-abnamro-nl-camt053v02.xml"));

        var error = ReadError(whole[..(whole.Length / 2)]);

        Assert.Equal(SepaMessages.TruncatedCode, error.Code);
        Assert.StartsWith("Document/BkToCstmrStmt/Stmt[1]", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedLargeFile()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            builder.Append("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>");
        }

        var bytes = Encoding.UTF8.GetBytes(Statement(builder.ToString()));

        var error = ReadError(bytes[..(bytes.Length - 100)]);

        Assert.Equal(SepaMessages.TruncatedCode, error.Code);
    }

    [Fact]
    public void Read_DtdIsRejected()
    {
        var error = ReadError($"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
            <Document xmlns="{Camt053}"><BkToCstmrStmt><GrpHdr><MsgId>&lol2;</MsgId></GrpHdr></BkToCstmrStmt></Document>
            """);

        Assert.Equal(SepaMessages.DtdProhibitedCode, error.Code);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes()
    {
        var head = Encoding.UTF8.GetBytes(Statement("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>M"));
        byte[] latin1 = [0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r'];
        var tail = Encoding.UTF8.GetBytes("</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>");

        var error = ReadError([.. head[..head.IndexOf((byte)'M')], (byte)'M', .. latin1, .. tail]);

        Assert.Equal(SepaMessages.EncodingCode, error.Code);
    }

    [Fact]
    public void Read_AmountWithThreeDecimals()
    {
        var error = ReadError(Statement("<Ntry><Amt Ccy=\"EUR\">10.005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));

        Assert.Equal(SepaMessages.InvalidAmountCode, error.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt", error.Location);
        Assert.Contains("10.005", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NegativeAmount()
    {
        var error = ReadError(Statement("<Ntry><Amt Ccy=\"EUR\">-10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));

        Assert.Equal(SepaMessages.InvalidAmountCode, error.Code);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingAmount()
    {
        var error = ReadError(Statement("<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry><Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));

        Assert.Equal(SepaMessages.MissingElementCode, error.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]", error.Location);
        Assert.Contains("'Amt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingCreditDebitIndicator()
    {
        var error = ReadError(Statement("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry><Ntry><Amt Ccy=\"EUR\">1.00</Amt></Ntry>"));

        Assert.Equal(SepaMessages.MissingElementCode, error.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[2]", error.Location);
        Assert.Contains("'CdtDbtInd'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongBodyElement()
    {
        var error = ReadError($"""<Document xmlns="{Camt053}"><BkToCstmrDbtCdtNtfctn/></Document>""");

        Assert.Equal(SepaMessages.UnexpectedRootCode, error.Code);
    }

    [Fact]
    public void Read_EntryWithoutDetailsAndNotProvidedId()
    {
        var xml = Statement("""
            <Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><AddtlNtryInf>/TRTP/SEPA Incasso/RTRN/MS02/EREF/X</AddtlNtryInf></Ntry>
            <Ntry><Amt Ccy="EUR">7.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><AddtlTxInf>/RTRN/AM04/</AddtlTxInf></TxDtls></NtryDtls></Ntry>
            """);

        var entries = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Value.Statements.Single().Entries;

        Assert.Empty(entries[0].Transactions);
        Assert.Equal("MS02", entries[0].Return?.ReasonCode);
        Assert.Null(entries[1].Transactions.Single().EndToEndId);
        Assert.Equal("AM04", entries[1].Transactions.Single().Return?.ReasonCode);
        Assert.Equal(-12.00m, entries.Sum(e => e.SignedAmount));
    }
}
