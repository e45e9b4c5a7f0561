using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Sepa.Writing;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

public sealed class ExportRefusalTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public async Task Export_LeavesOutInvoiceTheBankWouldRefuse()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        var debtors = string.Join('\n', LedgerFixtures.DebtorHeader,
            $"D1,Sanne de Vries,,,{LedgerFixtures.Iban(1)},,MDT-1,2025-01-01,DirectDebit,nl,",
            $"D2,Bram Bakker,,,{LedgerFixtures.Iban(2)},,MDT-2,2025-01-01,DirectDebit,nl,");
        var invoices = string.Join('\n', LedgerFixtures.InvoiceHeader, "F1,D1,2026-11-25,2026-12-08,100.00,", "F2,D2,2026-11-25,2026-12-08,200.00,");
        await ledger.RunAsync(s => s.ImportDebtorsAsync(debtors));
        await ledger.RunAsync(s => s.ImportInvoicesAsync(invoices));

        // Data that entered the ledger another way than the CSV import, which would reject it.
        await ledger.QueryAsync(db => db.Debtors.Where(d => d.DebtorNumber == "D2").ExecuteUpdateAsync(d => d.SetProperty(x => x.Bic, "XXXX")));

        var export = await ledger.RunAsync(s => s.GetRequiredService<ExportDirectDebits>().RunAsync(new DateOnly(2026, 12, 8), null, Pain008Version.V02, CancellationToken.None));

        Assert.Equal(1, export.Count);
        Assert.Equal(100_00, export.TotalCents);
        Assert.DoesNotContain("F2", await File.ReadAllTextAsync(export.Path), StringComparison.Ordinal);
        var item = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Queue == "collections"));
        Assert.Contains("F2", item.Description, StringComparison.Ordinal);
        Assert.Equal(["F1"], await ledger.QueryAsync(db => db.Collections.Join(db.Invoices, c => c.InvoiceId, i => i.Id, (c, i) => i.InvoiceNumber).ToListAsync()));
    }

    [Fact]
    public async Task Import_StoresForeignCurrencyWithoutBooking()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var report = await ledger.RunAsync(s => s.ImportBankFileAsync(TestPaths.Sample("camt053/oca-ch-camt053v04-multi-txdtls.xml")));

        Assert.Equal(report.Entries, report.ForeignCurrencyEntries);
        Assert.Equal(0, report.CreditedCents);
        Assert.Equal(0, report.Unmatched);
        Assert.Equal(report.Entries, await ledger.QueryAsync(db => db.BankTransactions.CountAsync(t => t.MatchRule == "foreign-currency")));
    }
}
