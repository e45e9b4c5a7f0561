using System.Text;
using System.Xml.Linq;
using Tijdig.Sepa.Reading;
using Tijdig.Sepa.Tests.Writing;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests;

/// <summary>Writes a pain.008, builds the bank's pain.002 rejects and camt.054 returns from it, and reads them back.</summary>
public class RoundTripTests
{
    private static readonly XNamespace Pain008 = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    private static (Pain008WriteResult Result, XDocument Xml) Write()
    {
        using var output = new MemoryStream();
        var result = Pain008Writer.Write(output, Batches.Mixed());
        output.Position = 0;
        return (result, XDocument.Load(output));
    }

    [Fact]
    public void Pain002_RejectsComeBackWithEndToEndIds()
    {
        var (written, xml) = Write();
        var rejected = new Dictionary<string, string> { ["INV-2025-00002-1"] = "AC01", ["INV-2025-00005-1"] = "AM04" };
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

        var blocks = xml.Descendants(Pain008 + "PmtInf")
            .Select(p => (Id: p.Element(Pain008 + "PmtInfId")!.Value,
                Rejects: p.Descendants(Pain008 + "EndToEndId").Select(e => e.Value).Where(rejected.ContainsKey).ToList()))
            .Where(b => b.Rejects.Count > 0)
            .Select(b => new XElement(ns + "OrgnlPmtInfAndSts",
                new XElement(ns + "OrgnlPmtInfId", b.Id),
                b.Rejects.Select(id => new XElement(ns + "TxInfAndSts",
                    new XElement(ns + "OrgnlEndToEndId", id),
                    new XElement(ns + "TxSts", "RJCT"),
                    new XElement(ns + "StsRsnInf", new XElement(ns + "Rsn", new XElement(ns + "Cd", rejected[id])))))));
        var report = new XDocument(new XElement(ns + "Document", new XElement(ns + "CstmrPmtStsRpt",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", "BANK-1"), new XElement(ns + "CreDtTm", "2025-03-02T08:00:00")),
            new XElement(ns + "OrgnlGrpInfAndSts", new XElement(ns + "OrgnlMsgId", written.MessageId), new XElement(ns + "OrgnlMsgNmId", "pain.008.001.02"), new XElement(ns + "GrpSts", "PART")),
            blocks)));

        var result = BankFileReader.Read(ToStream(report));

        Assert.True(result.Success, result.Error?.ToString());
        var status = result.Value.StatusReport!;
        Assert.Equal(written.MessageId, status.OriginalMessageId);
        Assert.Equal("PART", status.GroupStatus);
        Assert.All(status.Batches, b => Assert.Contains(b.OriginalPaymentInformationId, written.PaymentInformation.Select(p => p.PaymentInformationId)));
        var back = status.Batches.SelectMany(b => b.Transactions).ToDictionary(t => t.OriginalEndToEndId!, t => t.ReasonCode!);
        Assert.Equal(rejected, back);
    }

    [Fact]
    public void Camt054_ReturnsComeBackWithEndToEndIds()
    {
        var (_, xml) = Write();
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
        var returned = xml.Descendants(Pain008 + "DrctDbtTxInf").Take(2).ToList();
        var reasons = new[] { "MD06", "AC04" };

        var entries = returned.Select((tx, i) => new XElement(ns + "Ntry",
            new XElement(ns + "Amt", new XAttribute("Ccy", "EUR"), tx.Element(Pain008 + "InstdAmt")!.Value),
            new XElement(ns + "CdtDbtInd", "DBIT"),
            new XElement(ns + "Sts", new XElement(ns + "Cd", "BOOK")),
            new XElement(ns + "BookgDt", new XElement(ns + "Dt", "2025-03-06")),
            new XElement(ns + "BkTxCd", new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"),
                new XElement(ns + "Fmly", new XElement(ns + "Cd", "IDDT"), new XElement(ns + "SubFmlyCd", "UPDD")))),
            new XElement(ns + "NtryDtls", new XElement(ns + "TxDtls",
                new XElement(ns + "Refs",
                    new XElement(ns + "EndToEndId", tx.Descendants(Pain008 + "EndToEndId").Single().Value),
                    new XElement(ns + "MndtId", tx.Descendants(Pain008 + "MndtId").Single().Value)),
                new XElement(ns + "RltdPties",
                    new XElement(ns + "Dbtr", new XElement(ns + "Pty", new XElement(ns + "Nm", tx.Element(Pain008 + "Dbtr")!.Value))),
                    new XElement(ns + "DbtrAcct", new XElement(ns + "Id", new XElement(ns + "IBAN", tx.Descendants(Pain008 + "IBAN").Last().Value)))),
                new XElement(ns + "RtrInf", new XElement(ns + "Rsn", new XElement(ns + "Cd", reasons[i])))))));
        var notification = new XDocument(new XElement(ns + "Document", new XElement(ns + "BkToCstmrDbtCdtNtfctn",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", "NTF-1"), new XElement(ns + "CreDtTm", "2025-03-06T07:00:00+01:00")),
            new XElement(ns + "Ntfctn", new XElement(ns + "Id", "N1"),
                new XElement(ns + "Acct", new XElement(ns + "Id", new XElement(ns + "IBAN", Batches.CreditorIban))),
                entries))));

        var result = BankFileReader.Read(ToStream(notification));

        Assert.True(result.Success, result.Error?.ToString());
        var transactions = result.Value.Statements.Single().Entries.SelectMany(e => e.Transactions).ToList();
        Assert.Equal(["INV-2025-00001-1", "INV-2025-00003-1"], transactions.Select(t => t.EndToEndId));
        Assert.Equal(reasons, transactions.Select(t => t.Return?.ReasonCode));
        Assert.Equal(["MNDT-00001", "MNDT-00003"], transactions.Select(t => t.MandateId));
        Assert.All(transactions, t => Assert.Equal("Zoe Muller-Strasse + Son", t.CounterpartyName));
        Assert.All(transactions, t => Assert.Equal("NL20INGB0001234567", t.CounterpartyIban));
    }

    private static MemoryStream ToStream(XDocument document) =>
        new(Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)));
}
