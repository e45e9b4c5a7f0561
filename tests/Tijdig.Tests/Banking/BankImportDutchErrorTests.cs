using System.Text;
using Tijdig.Banking;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>
/// The credit team reads the import error: it explains in Dutch what is wrong, where in the file
/// (element path or line) or with which value, and what to do next. The library's English text
/// follows in brackets.
/// </summary>
public sealed class BankImportDutchErrorTests
{
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static byte[] Statement(string entry) => Encoding.UTF8.GetBytes(
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="{Camt053}">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-05T10:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
              {entry}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """);

    private static byte[] Sample(string relative, int? keepBytes = null)
    {
        var whole = File.ReadAllBytes(TestPaths.Sample(relative));
        return keepBytes is { } keep ? whole[..keep] : whole;
    }

    private static byte[] Latin1(string relative) =>
        Encoding.Latin1.GetBytes(File.ReadAllText(TestPaths.Sample(relative)).Replace("Example company", "Voorbeeld \u00e9", StringComparison.Ordinal));

    private static byte[] Replaced(string relative, string from, string to) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(TestPaths.Sample(relative)).Replace(from, to, StringComparison.Ordinal));

    public static TheoryData<string, byte[], string, string> Cases() => new()
    {
        { "empty", [], "het bestand is leeg", "Download" },
        { "binary", [0x00, 0xFF, 0x13, 0x37, 0x89, 0x50, 0x4E, 0x47], "geen XML", "MT940" },
        { "truncated", Sample("camt053/oca-abnamro-nl-camt053v02.xml", 3000), "afgebroken", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]" },
        { "DTD", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>"""), "DOCTYPE", "originele bestand" },
        { "camt.053.001.13", Replaced("camt053/oca-abnamro-nl-camt053v02.xml", "camt.053.001.02", "camt.053.001.13"), "niet ondersteund", "camt.053.001.13" },
        { "pain.008.002.02", Replaced("camt053/oca-abnamro-nl-camt053v02.xml", "camt.053.001.02", "pain.008.002.02"), "incassobestand", "pain.008.002.02" },
        { "three decimals", Statement("""<Ntry><Amt Ccy="EUR">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"""), "bedrag '1.005' heeft meer dan twee decimalen", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt" },
        { "negative", Statement("""<Ntry><Amt Ccy="EUR">-5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"""), "negatief bedrag '-5.00'", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt" },
        { "missing CdtDbtInd", Statement("""<Ntry><Amt Ccy="EUR">5.00</Amt></Ntry>"""), "verplicht element 'CdtDbtInd' ontbreekt", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]" },
        { "too large for cents", Statement("""<Ntry><Amt Ccy="EUR">79228162514264337593543950.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"""), "ongeldig bedrag '79228162514264337593543950.00'", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt" },
        { "no currency", Statement("""<Ntry><Amt>5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"""), "verplicht element 'Ccy' ontbreekt", "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt" },
        { "bad date", Replaced("camt053/oca-abnamro-nl-camt053v02.xml", "<Dt>2014-01-05</Dt>", "<Dt>2014-13-45</Dt>"), "ongeldige waarde '2014-13-45'", "BookgDt" },
        { "Latin-1 bytes", Latin1("camt053/oca-abnamro-nl-camt053v02.xml"), "UTF-8", "Document/BkToCstmrStmt/Stmt[1]/Acct" },
        { "truncated MT940", Encoding.UTF8.GetBytes(string.Join("\n", File.ReadAllLines(TestPaths.Sample("mt940/jejik-ing.sta")).Take(12)) + "\n"), "verplicht element ':62F:' ontbreekt", "regel 4" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_ExplainsErrorInDutch(string name, byte[] content, string dutch, string where)
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, new TestInvoice("F-1", "T1001", BankLedger.Today, 10.00m));
        var path = Path.Combine(ledger.DataDirectory, "bad.xml");
        await File.WriteAllBytesAsync(path, content);

        var error = await Assert.ThrowsAsync<BankImportException>(() => ledger.ImportAsync(path));

        // The Dutch part is everything before the English text in brackets.
        var english = error.Message.IndexOf("(English:", StringComparison.Ordinal);
        Assert.True(english > 0, $"{name}: no English text in brackets: {error.Message}");
        var dutchPart = error.Message[..english];
        Assert.StartsWith("Bankbestand bad.xml is niet ingelezen: ", dutchPart, StringComparison.Ordinal);
        Assert.True(dutchPart.Contains(dutch, StringComparison.Ordinal), $"{name}: '{dutch}' missing in: {dutchPart}");
        Assert.True(dutchPart.Contains(where, StringComparison.Ordinal), $"{name}: '{where}' missing in: {dutchPart}");
        Assert.Contains("Er is niets geboekt.", dutchPart, StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await ledger.BookedCountsAsync());
    }

    [Fact]
    public async Task ImportTwice_ReportsInDutch()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, new TestInvoice("F-1", "T1001", BankLedger.Today, 10.00m));
        var path = TestPaths.Sample("camt053/oca-abnamro-nl-camt053v02.xml");
        await ledger.ImportAsync(path);

        var second = await ledger.ImportAsync(path);

        var text = BankReportText.Format(second);
        Assert.StartsWith("oca-abnamro-nl-camt053v02.xml is al ingelezen op ", text, StringComparison.Ordinal);
        Assert.Contains("er is niets opnieuw geboekt", text, StringComparison.Ordinal);
        Assert.Contains("(already imported", text, StringComparison.Ordinal);
    }
}
