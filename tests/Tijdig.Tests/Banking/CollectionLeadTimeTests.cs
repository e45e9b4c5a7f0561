using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Sepa.Writing;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>A SEPA Core file must be at the bank one TARGET2 business day before the collection date (D-1).</summary>
public sealed class CollectionLeadTimeTests
{
    /// <summary>Today, then the earliest collection date a file written today can make.</summary>
    public static TheoryData<DateOnly, DateOnly> Earliest() => new()
    {
        { new(2026, 12, 3), new(2026, 12, 4) },   // Thursday: Friday
        { new(2026, 12, 4), new(2026, 12, 7) },   // Friday: Monday
        { new(2026, 12, 5), new(2026, 12, 8) },   // Saturday: the file reaches the bank on Monday, so Tuesday
        { new(2026, 12, 24), new(2026, 12, 28) }, // Christmas Eve: T2 is closed on 25 and 26 December
        { new(2026, 12, 25), new(2026, 12, 29) }, // Christmas Day: the bank has the file on the 28th
        { new(2026, 4, 2), new(2026, 4, 7) },     // Thursday before Easter: Good Friday and Easter Monday are closed
    };

    [Theory]
    [MemberData(nameof(Earliest))]
    public void EarliestCollectionDate_LeavesOneBusinessDay(DateOnly today, DateOnly earliest) =>
        Assert.Equal(earliest, ExportDirectDebits.EarliestCollectionDate(today));

    [Theory]
    [InlineData("2026-12-04", "2026-12-04", "2026-12-07")] // today itself
    [InlineData("2026-12-05", "2026-12-07", "2026-12-08")] // Saturday for Monday: no business day in between
    public async Task Export_RejectsDateWithoutLeadTime(string today, string collection, string earliest)
    {
        await using var ledger = await LedgerAsync(Date(today));

        var error = await Assert.ThrowsAsync<UsageException>(() => ExportAsync(ledger, Date(collection)));

        Assert.StartsWith($"Incassodatum {collection} is te vroeg", error.Message, StringComparison.Ordinal);
        Assert.Contains($"De vroegst mogelijke incassodatum is {earliest}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.QueryAsync(db => db.Collections.CountAsync()));
    }

    [Fact]
    public async Task Export_AcceptsNextBusinessDay()
    {
        await using var ledger = await LedgerAsync(new DateOnly(2026, 12, 4));

        var export = await ExportAsync(ledger, new DateOnly(2026, 12, 7));

        Assert.Equal(1, export.Count);
        Assert.Equal(1, await ledger.QueryAsync(db => db.Collections.CountAsync()));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<TestLedger> LedgerAsync(DateOnly today)
    {
        var ledger = await TestLedger.CreateAsync(today);
        var debtors = string.Join('\n', LedgerFixtures.DebtorHeader, $"D1,Sanne de Vries,,,{LedgerFixtures.Iban(1)},,MDT-1,2025-01-01,DirectDebit,nl,");
        var invoices = string.Join('\n', LedgerFixtures.InvoiceHeader, "F1,D1,2026-11-20,2026-12-04,100.00,");
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(debtors))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(invoices))).Success);
        return ledger;
    }

    private static Task<DirectDebitExport> ExportAsync(TestLedger ledger, DateOnly date) =>
        ledger.RunAsync(s => s.GetRequiredService<ExportDirectDebits>().RunAsync(date, null, Pain008Version.V02, CancellationToken.None));
}
