using System.Text;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests.Writing;

/// <summary>
/// The writer writes a collection's fixed tags as ready UTF-8 and formats amounts and dates itself.
/// These cases pin the exact text, so that the output stays the same as when every element was
/// written one by one.
/// </summary>
public class Pain008BytesTests
{
    private static string Write(DirectDebitBatch batch, Pain008Version version)
    {
        using var output = new MemoryStream();
        Pain008Writer.Write(output, batch, version);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..(to + end.Length)];
    }

    [Theory]
    [InlineData(Pain008Version.V02, "BIC")]
    [InlineData(Pain008Version.V08, "BICFI")]
    public void Collection_WithBicAndAmendment_ExactText(Pain008Version version, string bicElement)
    {
        var xml = Write(Batches.Mixed(), version);

        var collection = Between(xml, "<DrctDbtTxInf><PmtId><EndToEndId>INV-2025-00004-1", "</DrctDbtTxInf>");

        Assert.Equal(
            "<DrctDbtTxInf><PmtId><EndToEndId>INV-2025-00004-1</EndToEndId></PmtId><InstdAmt Ccy=\"EUR\">104.25</InstdAmt>"
            + "<DrctDbtTx><MndtRltdInf><MndtId>MNDT-00004</MndtId><DtOfSgntr>2024-08-01</DtOfSgntr><AmdmntInd>true</AmdmntInd>"
            + "<AmdmntInfDtls><OrgnlMndtId>MNDT-OLD-4</OrgnlMndtId><OrgnlCdtrSchmeId><Id><PrvtId><Othr><Id>NL51ZZZ405365330000</Id>"
            + "<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></OrgnlCdtrSchmeId><OrgnlDbtrAcct><Id><IBAN>NL69ABNA0522123643</IBAN></Id></OrgnlDbtrAcct>"
            + "</AmdmntInfDtls></MndtRltdInf></DrctDbtTx>"
            + $"<DbtrAgt><FinInstnId><{bicElement}>INGBNL2A</{bicElement}></FinInstnId></DbtrAgt>"
            + "<Dbtr><Nm>Zoe Muller-Strasse + Son</Nm></Dbtr><DbtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></DbtrAcct>"
            + "<RmtInf><Ustrd>Factuur 4 kinderopvang februari</Ustrd></RmtInf></DrctDbtTxInf>",
            collection);
    }

    [Fact]
    public void Collection_WithoutBic_NotProvidedAgent()
    {
        var xml = Write(Batches.Mixed(), Pain008Version.V02);

        var collection = Between(xml, "<DrctDbtTxInf><PmtId><EndToEndId>INV-2025-00002-1", "</DrctDbtTxInf>");

        Assert.Contains("</DrctDbtTx><DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt><Dbtr><Nm>", collection, StringComparison.Ordinal);
    }

    public static TheoryData<decimal, string> Amounts => new()
    {
        { 0.01m, "0.01" },
        { 0.5m, "0.50" },
        { 7m, "7.00" },
        { 12.30m, "12.30" },
        { 100.05m, "100.05" },
        { 999_999_999.99m, "999999999.99" },
        { 1000m, "1000.00" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amount_TwoDecimalsInvariant(decimal amount, string expected)
    {
        var batch = Batches.Of([Batches.Transaction(1) with { Amount = amount }]);

        var xml = Write(batch, Pain008Version.V08);

        Assert.Contains($"<InstdAmt Ccy=\"EUR\">{expected}</InstdAmt>", xml, StringComparison.Ordinal);
        Assert.Contains($"<CtrlSum>{expected}</CtrlSum>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 8, 1, "2024-08-01")]
    [InlineData(999, 12, 31, "0999-12-31")]
    [InlineData(2025, 3, 3, "2025-03-03")]
    public void SignatureDate_IsoFormat(int year, int month, int day, string expected)
    {
        var batch = Batches.Of([Batches.Transaction(1) with { MandateSignatureDate = new DateOnly(year, month, day) }]);

        var xml = Write(batch, Pain008Version.V02);

        Assert.Contains($"<DtOfSgntr>{expected}</DtOfSgntr>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_MixedScripts_KeepsLatinPart()
    {
        var batch = Batches.Of([Batches.Transaction(1) with { DebtorName = "Yamada 山田" }]);

        var xml = Write(batch, Pain008Version.V02);

        Assert.Contains("<Dbtr><Nm>Yamada</Nm></Dbtr>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_InterleavedDates_KeepOrderAndSums()
    {
        var first = new DateOnly(2025, 3, 3);
        var second = new DateOnly(2025, 3, 4);
        var batch = Batches.Of(
        [
            Batches.Transaction(1, first),
            Batches.Transaction(2, second),
            Batches.Transaction(3, first),
            Batches.Transaction(4, second),
            Batches.Transaction(5, second),
        ]);

        using var output = new MemoryStream();
        var result = Pain008Writer.Write(output, batch);

        Assert.Equal(2, result.PaymentInformation.Count);
        var early = result.PaymentInformation[0];
        var late = result.PaymentInformation[1];
        Assert.Equal(first, early.CollectionDate);
        Assert.Equal(["INV-2025-00001-1", "INV-2025-00003-1"], early.EndToEndIds);
        Assert.Equal(3, late.EndToEndIds.Count);
        Assert.Equal("INV-2025-00004-1", late.EndToEndIds[1]);
        Assert.Equal(101.25m + 103.25m, early.ControlSum);
        Assert.Equal(102.25m + 104.25m + 105.25m, late.ControlSum);
        Assert.Equal(5, result.TransactionCount);
    }
}
