using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Sepa;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>
/// Statement files larger than one booking chunk (<see cref="BankEntryProcessor.ChunkUnits"/>):
/// an upload that cannot seek, duplicates across chunks, and a broken last entry.
/// </summary>
public sealed class StreamingImportTests
{
    private const int Filler = 4_500;

    private static readonly TestInvoice[] Invoices =
    [
        new("F-1", "T1001", BankLedger.Today, 10.00m),
        new("F-2", "T1002", BankLedger.Today, 20.00m),
    ];

    /// <summary>Unmatched credits with a payment for F-1 near the start, one for F-2 in the third chunk, and entry 5 again at the end.</summary>
    private static string LargeStatement()
    {
        var entries = Enumerable.Range(1, Filler)
            .Select(n => new TestEntry(1.00m, true, "REF-" + n.ToString(CultureInfo.InvariantCulture), Remittance: "gift " + n.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        entries.Insert(10, new TestEntry(10.00m, true, "PAY-1", Remittance: "Factuur F-1"));
        entries.Insert(4_400, new TestEntry(20.00m, true, "PAY-2", Remittance: "Factuur F-2"));
        entries.Add(entries[4]);
        return BankFiles.Camt053("MSG-BIG", "STMT-BIG", 1, entries);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NonSeekableUpload_BooksInChunks(DatabaseProvider provider)
    {
        BankLedger.SkipWithoutPostgres(provider);
        await using var ledger = await BankLedger.CreateAsync(provider, Invoices);
        var bytes = Encoding.UTF8.GetBytes(LargeStatement());
        var spoolsBefore = Spools();

        var report = await ledger.RunAsync(s =>
            s.GetRequiredService<ImportBankFile>().RunAsync("upload.xml", new NonSeekableStream(bytes), false, CancellationToken.None));

        Assert.Equal((Filler + 3, Filler + 2, 1), (report.Entries, report.NewEntries, report.KnownEntries));
        Assert.Equal((Filler, 2), (report.Unmatched, report.MatchedByRule.Values.Sum()));
        Assert.Equal((0L, 0L), (await ledger.OpenCentsAsync("F-1"), await ledger.OpenCentsAsync("F-2")));
        Assert.Equal(Filler + 2, await ledger.QueryAsync(db => db.BankTransactions.CountAsync()));
        Assert.Equal((1, Filler + 3), await ledger.QueryAsync(async db =>
            (await db.BankStatements.CountAsync(), await db.BankStatements.Select(s => s.EntryCount).SingleAsync())));
        Assert.Empty(Spools().Except(spoolsBefore));

        var path = await BankFiles.WriteAsync(ledger.DataDirectory, "same.xml", Encoding.UTF8.GetString(bytes));
        var again = await ledger.ImportAsync(path);
        Assert.True(again.AlreadyImported);
    }

    [Fact]
    public async Task LargeDryRun_BooksNothing()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        var path = await BankFiles.WriteAsync(ledger.DataDirectory, "big.xml", LargeStatement());

        var report = await ledger.ImportAsync(path, dryRun: true);

        Assert.Equal((Filler + 2, 1, 2), (report.NewEntries, report.KnownEntries, report.MatchedByRule.Values.Sum()));
        Assert.Equal((0, 0, 0, 0), await ledger.BookedCountsAsync());
        Assert.Equal(10_00, await ledger.OpenCentsAsync("F-1"));
    }

    [Fact]
    public async Task BrokenLastEntry_BooksNothing()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        var xml = LargeStatement();
        var last = xml.LastIndexOf("<Ntry><Amt Ccy=\"EUR\">1.00</Amt>", StringComparison.Ordinal);
        var broken = xml[..last] + "<Ntry><Amt Ccy=\"EUR\">1.005</Amt>" + xml[(last + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt>".Length)..];
        var path = await BankFiles.WriteAsync(ledger.DataDirectory, "broken.xml", broken);

        var error = await Assert.ThrowsAsync<BankImportException>(() => ledger.ImportAsync(path));

        Assert.Equal(SepaMessages.InvalidAmountCode, error.Code);
        Assert.Contains($"Ntry[{Filler + 3}]/Amt", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await ledger.BookedCountsAsync());
        Assert.Equal(10_00, await ledger.OpenCentsAsync("F-1"));
    }

    private static HashSet<string> Spools() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "tijdig-import-*.tmp").ToHashSet(StringComparer.Ordinal);

    /// <summary>An upload or a pipe: bytes that can be read once, front to back.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
