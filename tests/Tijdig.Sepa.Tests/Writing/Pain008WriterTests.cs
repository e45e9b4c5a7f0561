using System.Xml.Linq;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests.Writing;

public class Pain008WriterTests
{
    private static readonly XNamespace V02 = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";
    private static readonly XNamespace V08 = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    private static (Pain008WriteResult Result, XDocument Xml) WriteMixed(Pain008Version version = Pain008Version.V02)
    {
        using var output = new MemoryStream();
        var result = Pain008Writer.Write(output, Batches.Mixed(), version);
        output.Position = 0;
        return (result, XDocument.Load(output));
    }

    [Fact]
    public void Write_GroupsByDateSequenceAndInstrument()
    {
        var (result, _) = WriteMixed();

        Assert.Equal(5, result.TransactionCount);
        Assert.Equal(4, result.PaymentInformation.Count);
        Assert.Equal(["TIJDIG-20250301-0001-1", "TIJDIG-20250301-0001-2", "TIJDIG-20250301-0001-3", "TIJDIG-20250301-0001-4"],
            result.PaymentInformation.Select(p => p.PaymentInformationId));
        Assert.Equal(["INV-2025-00001-1", "INV-2025-00003-1"], result.PaymentInformation[0].EndToEndIds);
        Assert.Equal(SequenceType.First, result.PaymentInformation[1].SequenceType);
        Assert.Equal("B2B", result.PaymentInformation[3].LocalInstrument);
        Assert.Equal(101.25m + 103.25m, result.PaymentInformation[0].ControlSum);
        Assert.Equal(result.PaymentInformation.Sum(p => p.ControlSum), result.ControlSum);
        Assert.Equal(516.25m, result.ControlSum);
    }

    [Fact]
    public void Write_HeaderAndBlockTotals()
    {
        var (_, xml) = WriteMixed();

        var header = xml.Descendants(V02 + "GrpHdr").Single();
        Assert.Equal("5", header.Element(V02 + "NbOfTxs")!.Value);
        Assert.Equal("516.25", header.Element(V02 + "CtrlSum")!.Value);
        Assert.Equal("2025-03-01T09:30:00", header.Element(V02 + "CreDtTm")!.Value);
        var first = xml.Descendants(V02 + "PmtInf").First();
        Assert.Equal("2", first.Element(V02 + "NbOfTxs")!.Value);
        Assert.Equal("204.50", first.Element(V02 + "CtrlSum")!.Value);
        Assert.Equal("RCUR", first.Descendants(V02 + "SeqTp").Single().Value);
        Assert.Equal("2025-03-03", first.Element(V02 + "ReqdColltnDt")!.Value);
    }

    [Fact]
    public void Write_TransliteratesNames()
    {
        var (_, xml) = WriteMixed();

        var names = xml.Descendants(V02 + "Dbtr").Select(d => d.Element(V02 + "Nm")!.Value).Distinct();

        Assert.Equal(["Zoe Muller-Strasse + Son"], names);
    }

    [Fact]
    public void Write_MissingBicGivesNotProvided()
    {
        var (_, v02) = WriteMixed();
        var (_, v08) = WriteMixed(Pain008Version.V08);

        var agentV02 = v02.Descendants(V02 + "DbtrAgt").ElementAt(2);
        Assert.Equal("NOTPROVIDED", agentV02.Descendants(V02 + "Othr").Single().Element(V02 + "Id")!.Value);
        Assert.Equal("INGBNL2A", v02.Descendants(V02 + "DbtrAgt").First().Descendants(V02 + "BIC").Single().Value);
        Assert.Equal("INGBNL2A", v08.Descendants(V08 + "DbtrAgt").First().Descendants(V08 + "BICFI").Single().Value);
    }

    [Fact]
    public void Write_AmendmentIsWritten()
    {
        var (_, xml) = WriteMixed();

        var mandate = xml.Descendants(V02 + "MndtRltdInf").Single(m => m.Element(V02 + "MndtId")!.Value == "MNDT-00004");

        Assert.Equal("true", mandate.Element(V02 + "AmdmntInd")!.Value);
        var details = mandate.Element(V02 + "AmdmntInfDtls")!;
        Assert.Equal("MNDT-OLD-4", details.Element(V02 + "OrgnlMndtId")!.Value);
        Assert.Equal("NL69ABNA0522123643", details.Descendants(V02 + "IBAN").Single().Value);
        Assert.Single(xml.Descendants(V02 + "AmdmntInd"));
    }

    [Fact]
    public void Write_LongMessageIdKeepsPaymentIdWithin35()
    {
        var batch = Batches.Of([Batches.Transaction(1)], messageId: new string('A', 35));
        using var output = new MemoryStream();

        var result = Pain008Writer.Write(output, batch);

        Assert.Equal(new string('A', 33) + "-1", result.PaymentInformation.Single().PaymentInformationId);
    }

    public static TheoryData<string, Func<DirectDebitBatch>, string> InvalidBatches => new()
    {
        { "empty", () => Batches.Of([]), "no transactions" },
        { "bad IBAN", () => Batches.Of([Batches.Transaction(1) with { DebtorIban = "NL20INGB0001234568" }]), "DebtorIban is not a valid IBAN" },
        { "Saturday", () => Batches.Of([Batches.Transaction(1, date: new DateOnly(2025, 3, 1))]), "2025-03-01 is not a TARGET2 business day; the next one is 2025-03-03" },
        { "Good Friday", () => Batches.Of([Batches.Transaction(1, date: new DateOnly(2025, 4, 18))]), "2025-04-18 is not a TARGET2 business day" },
        { "zero", () => Batches.Of([Batches.Transaction(1) with { Amount = 0m }]), "Amount 0 must be greater than zero" },
        { "three decimals", () => Batches.Of([Batches.Transaction(1) with { Amount = 10.005m }]), "Amount 10.005 has more than two decimals" },
        { "double slash", () => Batches.Of([Batches.Transaction(1) with { EndToEndId = "INV//1" }]), "EndToEndId 'INV//1' starts or ends with '/' or contains '//'" },
        { "leading slash", () => Batches.Of([Batches.Transaction(1) with { MandateId = "/M1" }]), "MandateId '/M1'" },
        { "too long", () => Batches.Of([Batches.Transaction(1) with { EndToEndId = new string('E', 36) }]), "more than 35" },
        { "bad char", () => Batches.Of([Batches.Transaction(1) with { EndToEndId = "INV_1" }]), "contains '_'" },
        { "duplicate", () => Batches.Of([Batches.Transaction(1), Batches.Transaction(1)]), "used twice" },
        { "name outside the set", () => Batches.Of([Batches.Transaction(1) with { DebtorName = "日本" }]), "DebtorName has no character the SEPA character set can carry" },
        { "bad CI", () => Batches.Of([Batches.Transaction(1)]) with { CreditorId = "NL52ZZZ405365330000" }, "CreditorId 'NL52ZZZ405365330000' is invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public void Write_InvalidBatchThrows(string name, Func<DirectDebitBatch> batch, string expectedMessage)
    {
        using var output = new MemoryStream();

        var exception = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(output, batch()));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void Write_HundredThousandTransactions()
    {
        var transactions = Enumerable.Range(1, 100_000).Select(i => Batches.Transaction(i)).ToList();
        using var output = new MemoryStream();

        var result = Pain008Writer.Write(output, Batches.Of(transactions));

        Assert.Equal(100_000, result.TransactionCount);
        Assert.Equal(transactions.Sum(t => t.Amount), result.ControlSum);
    }
}
