using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>Importing a file twice, a re-sent statement or an overlapping file books nothing twice.</summary>
public sealed class BankImportIdempotencyTests
{
    private static readonly TestInvoice[] Invoices =
    [
        new("F-1", "T1001", BankLedger.Today, 10.00m),
        new("F-2", "T1002", BankLedger.Today, 20.00m),
    ];

    private static readonly TestEntry First = new(10.00m, true, "REF-1", Remittance: "F-1");
    private static readonly TestEntry Second = new(20.00m, true, "REF-2", Remittance: "F-2");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameFileTwice_BooksOnce(DatabaseProvider provider)
    {
        BankLedger.SkipWithoutPostgres(provider);
        await using var ledger = await BankLedger.CreateAsync(provider, Invoices);
        var xml = BankFiles.Camt053("MSG-1", "STMT-1", 1, [First, Second]);

        var first = await ledger.ImportXmlAsync("a.xml", xml);
        var again = await ledger.ImportXmlAsync("a.xml", xml);

        Assert.Equal((2, 0, false), (first.NewEntries, first.KnownEntries, first.AlreadyImported));
        Assert.Equal((0, 2, true), (again.NewEntries, again.KnownEntries, again.AlreadyImported));
        Assert.Equal((1, 1, 2, 2), await ledger.BookedCountsAsync());
    }

    [Fact]
    public async Task SameStatementOtherBytes_IsRecognised()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        var xml = BankFiles.Camt053("MSG-1", "STMT-1", 1, [First, Second]);

        await ledger.ImportXmlAsync("a.xml", xml);
        var resent = await ledger.ImportXmlAsync("b.xml", xml.Replace("<GrpHdr>", "<GrpHdr> ", StringComparison.Ordinal));

        Assert.False(resent.AlreadyImported);
        Assert.Equal((0, 1), (resent.NewStatements, resent.KnownStatements));
        Assert.Equal((2, 0, 2), (resent.Entries, resent.NewEntries, resent.KnownEntries));
        Assert.Equal(2, await ledger.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task OverlappingStatement_BooksOnlyNewEntries()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);

        await ledger.ImportXmlAsync("day1.xml", BankFiles.Camt053("MSG-1", "STMT-1", 1, [First]));
        var overlap = await ledger.ImportXmlAsync("day1-2.xml", BankFiles.Camt053("MSG-2", "STMT-2", 2, [First, Second]));

        Assert.Equal((1, 0), (overlap.NewStatements, overlap.KnownStatements));
        Assert.Equal((2, 1, 1), (overlap.Entries, overlap.NewEntries, overlap.KnownEntries));
        Assert.Equal(0, await ledger.OpenCentsAsync("F-1"));
        Assert.Equal(0, await ledger.OpenCentsAsync("F-2"));
        Assert.Equal(2, await ledger.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task DryRun_BooksNothingThenRealImportBooks()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        var xml = BankFiles.Camt053("MSG-1", "STMT-1", 1, [First, Second]);

        var dry = await ledger.ImportXmlAsync("a.xml", xml, dryRun: true);
        Assert.Equal((true, 2), (dry.DryRun, dry.NewEntries));
        Assert.Equal(new Dictionary<string, int> { ["invoice-number"] = 2 }, dry.MatchedByRule);
        Assert.Equal((0, 0, 0, 0), await ledger.BookedCountsAsync());
        Assert.Equal(10_00, await ledger.OpenCentsAsync("F-1"));

        var real = await ledger.ImportXmlAsync("a.xml", xml);
        Assert.Equal((false, 2), (real.AlreadyImported, real.NewEntries));
        Assert.Equal(0, await ledger.OpenCentsAsync("F-1"));
    }
}
