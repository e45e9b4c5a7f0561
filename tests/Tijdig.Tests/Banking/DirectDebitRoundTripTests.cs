using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Writing;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>
/// Export pain.008, then import what the bank sends back about it: a pain.002 with rejects, the
/// batch credit on the statement, and a camt.054 with a refund after settlement.
/// </summary>
public sealed class DirectDebitRoundTripTests
{
    private static readonly DateOnly Due = BankLedger.Today;

    /// <summary>The file goes to the bank one TARGET2 business day before the collection date.</summary>
    private static readonly DateOnly Submitted = Due.AddDays(-1);

    private static readonly TestInvoice[] Invoices =
    [
        new("F-DD-1", "D1001", Due, 50.00m),
        new("F-DD-2", "D1002", Due, 60.00m),
        new("F-DD-3", "D1003", Due, 70.00m),
    ];

    private static async Task<List<DirectDebitCollection>> ExportAsync(TestLedger ledger)
    {
        var export = await ledger.RunAsync(s => s.GetRequiredService<ExportDirectDebits>().RunAsync(Due, null, Pain008Version.V02, CancellationToken.None));
        Assert.Equal(3, export.Count);
        ledger.SetToday(Due);
        return await ledger.QueryAsync(db => db.Collections.OrderBy(c => c.EndToEndId).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoundTrip_ReopensRightInvoicesWithReasons(DatabaseProvider provider)
    {
        BankLedger.SkipWithoutPostgres(provider);
        await using var ledger = await BankLedger.CreateAsync(Submitted, provider, Invoices);
        var collections = await ExportAsync(ledger);
        var (c1, c2, c3) = (collections[0], collections[1], collections[2]);

        var pain002 = BankFiles.Pain002("STS-1", c1.MessageId, "PART", null, [new TestStatusBatch(c1.PaymentInformationId, "PART", null, [new TestStatusLine(c1.EndToEndId, "RJCT", "AM04")])]);
        var rejects = await ledger.ImportXmlAsync("pain002.xml", pain002);
        Assert.Equal(new Dictionary<string, int> { ["AM04"] = 1 }, rejects.ReturnsByReason);
        Assert.Equal(new Dictionary<string, int>(), rejects.MatchedByRule);

        TestEntry Credit(DirectDebitCollection c) => new(c.AmountCents / 100m, true, EndToEndId: c.EndToEndId, MandateId: c.MandateId, Family: "IDDT", SubFamily: "ESDD");
        var settlement = await ledger.ImportXmlAsync("camt053.xml", BankFiles.Camt053("STMT-MSG-1", "STMT-1", 1, [Credit(c2), Credit(c3)]));
        Assert.Equal(new Dictionary<string, int> { ["end-to-end-id"] = 2 }, settlement.MatchedByRule);
        Assert.Equal(0, await ledger.OpenCentsAsync("F-DD-2"));
        Assert.Equal(0, await ledger.OpenCentsAsync("F-DD-3"));

        // The parent of F-DD-2 requests a refund from the bank (MD06) after settlement.
        var refund = new TestEntry(60.00m, false, "REFUND-1", EndToEndId: c2.EndToEndId, MandateId: c2.MandateId, ReturnReason: "MD06", Family: "IDDT", SubFamily: "UPDD");
        var returns = await ledger.ImportXmlAsync("camt054.xml", BankFiles.Camt054("NTF-MSG-1", "NTF-1", [refund]));
        Assert.Equal(new Dictionary<string, int> { ["MD06"] = 1 }, returns.ReturnsByReason);

        var after = await ledger.QueryAsync(db => db.Collections.OrderBy(c => c.EndToEndId).ToListAsync());
        Assert.Equal((CollectionStatus.Rejected, "AM04"), (after[0].Status, after[0].ReasonCode));
        Assert.Equal((CollectionStatus.Returned, "MD06"), (after[1].Status, after[1].ReasonCode));
        Assert.Equal((CollectionStatus.Settled, (string?)null), (after[2].Status, after[2].ReasonCode));
        Assert.All(after.Take(2), c => Assert.Null(c.HandledOn));

        var reopened = await ledger.InvoiceAsync("F-DD-2");
        Assert.Equal(60_00, reopened.OpenCents);
        Assert.Null(reopened.PaidOn);
        Assert.Equal(0, reopened.DunningLevel);
        Assert.Null(reopened.LastChanceSentOn);
        Assert.Equal(50_00, await ledger.OpenCentsAsync("F-DD-1"));
        Assert.Equal(0, await ledger.OpenCentsAsync("F-DD-3"));

        var refundPayment = await ledger.QueryAsync(db => db.Payments.SingleAsync(p => p.AmountCents < 0));
        Assert.Equal(-60_00, refundPayment.AmountCents);
        Assert.Equal(reopened.DebtorId, refundPayment.DebtorId);
    }

    [Fact]
    public async Task BatchReject_RejectsEveryCollectionOfBlock()
    {
        await using var ledger = await BankLedger.CreateAsync(Submitted, DatabaseProvider.Sqlite, Invoices);
        var collections = await ExportAsync(ledger);
        var batch = collections[0].PaymentInformationId;

        var report = await ledger.ImportXmlAsync("pain002.xml", BankFiles.Pain002("STS-1", collections[0].MessageId, "RJCT", null, [new TestStatusBatch(batch, "RJCT", "FF01", [])]));

        Assert.Equal(new Dictionary<string, int> { ["FF01"] = 3 }, report.ReturnsByReason);
        var statuses = await ledger.QueryAsync(db => db.Collections.Select(c => c.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(CollectionStatus.Rejected, s));
    }

    [Fact]
    public async Task GroupReject_RejectsEveryCollectionOfMessage()
    {
        await using var ledger = await BankLedger.CreateAsync(Submitted, DatabaseProvider.Sqlite, Invoices);
        var collections = await ExportAsync(ledger);

        var report = await ledger.ImportXmlAsync("pain002.xml", BankFiles.Pain002("STS-1", collections[0].MessageId, "RJCT", "DU01", []));

        Assert.Equal(new Dictionary<string, int> { ["DU01"] = 3 }, report.ReturnsByReason);
        Assert.Equal(3, report.NewEntries);
        Assert.Equal(3, await ledger.QueryAsync(db => db.Collections.CountAsync(c => c.Status == CollectionStatus.Rejected)));
    }

    [Fact]
    public async Task BatchReject_ForOtherMessageRejectsNothing()
    {
        await using var ledger = await BankLedger.CreateAsync(Submitted, DatabaseProvider.Sqlite, Invoices);
        var collections = await ExportAsync(ledger);

        var report = await ledger.ImportXmlAsync("pain002.xml", BankFiles.Pain002("STS-1", "SOMEONE-ELSE", "RJCT", null, [new TestStatusBatch(collections[0].PaymentInformationId, "RJCT", "FF01", [])]));

        Assert.Empty(report.ReturnsByReason);
        Assert.Equal(0, await ledger.QueryAsync(db => db.Collections.CountAsync(c => c.Status != CollectionStatus.Submitted)));
    }

    [Fact]
    public async Task Pain002Line_MatchesOnAllThreeIds()
    {
        await using var ledger = await BankLedger.CreateAsync(Submitted, DatabaseProvider.Sqlite, Invoices);
        var collections = await ExportAsync(ledger);
        var c = collections[2];

        var report = await ledger.ImportXmlAsync("pain002.xml", BankFiles.Pain002("STS-1", c.MessageId, "PART", null, [new TestStatusBatch(c.PaymentInformationId, null, null, [new TestStatusLine(c.EndToEndId, "RJCT", "MS03")])]));

        Assert.Equal(new Dictionary<string, int> { ["MS03"] = 1 }, report.ReturnsByReason);
        var row = await ledger.QueryAsync(db => db.BankTransactions.SingleAsync());
        Assert.Equal("message-batch-end-to-end-id", row.MatchRule);
        Assert.Equal(c.DebtorId, row.DebtorId);
    }
}
