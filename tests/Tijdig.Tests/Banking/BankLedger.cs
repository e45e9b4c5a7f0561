using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Identifiers;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>One invoice of a test ledger: number, debtor number, due date, amount in euros and (optionally) a payment reference.</summary>
public sealed record TestInvoice(string Number, string Debtor, DateOnly Due, decimal Amount, string? Reference = null);

/// <summary>
/// Test ledgers for bank imports: three transfer debtors (T1001..T1003, IBANs 1..3) and three
/// direct-debit debtors (D1001..D1003, IBANs 11..13, mandates MANDATE-D1..3), and helpers that speak the domain.
/// </summary>
public static class BankLedger
{
    public static readonly DateOnly Today = new(2024, 3, 5);

    public static string Iban(int account) => LedgerFixtures.Iban(7_000_000 + account);

    public static string Reference(long number) => PaymentReference.Create(number);

    public static Task<TestLedger> CreateAsync(DatabaseProvider provider, params TestInvoice[] invoices) =>
        CreateAsync(Today, provider, invoices);

    /// <summary>Creates the ledger with its clock on <paramref name="today"/>, for tests that start before <see cref="Today"/>.</summary>
    public static async Task<TestLedger> CreateAsync(DateOnly today, DatabaseProvider provider, params TestInvoice[] invoices)
    {
        var ledger = await TestLedger.CreateAsync(today, provider);
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).AppendLine();
        for (var i = 1; i <= 3; i++)
        {
            debtors.AppendLine(CultureInfo.InvariantCulture, $"T100{i},Ouder T{i},t{i}@example.nl,,{Iban(i)},,,,Transfer,nl,CT{i}");
            debtors.AppendLine(CultureInfo.InvariantCulture, $"D100{i},Ouder D{i},d{i}@example.nl,,{Iban(10 + i)},,MANDATE-D{i},2023-01-0{i},DirectDebit,nl,CD{i}");
        }

        var csv = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine();
        foreach (var invoice in invoices)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{invoice.Number},{invoice.Debtor},{invoice.Due.AddDays(-14):yyyy-MM-dd},{invoice.Due:yyyy-MM-dd},{invoice.Amount.ToString("0.00", CultureInfo.InvariantCulture)},{invoice.Reference}");
        }

        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(debtors.ToString()))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(csv.ToString()))).Success);
        return ledger;
    }

    public static Task<BankImportReport> ImportAsync(this TestLedger ledger, string path, bool dryRun = false) =>
        ledger.RunAsync(s => s.ImportBankFileAsync(path, dryRun));

    public static Task<BankImportReport> ImportXmlAsync(this TestLedger ledger, string name, string xml, bool dryRun = false) =>
        ledger.RunAsync(async s =>
        {
            var path = await BankFiles.WriteAsync(ledger.DataDirectory, name, xml);
            return await s.ImportBankFileAsync(path, dryRun);
        });

    public static Task<Invoice> InvoiceAsync(this TestLedger ledger, string number) =>
        ledger.QueryAsync(db => db.Invoices.SingleAsync(i => i.InvoiceNumber == number));

    public static Task<long> OpenCentsAsync(this TestLedger ledger, string number) =>
        ledger.QueryAsync(db => db.Invoices.Where(i => i.InvoiceNumber == number).Select(i => i.OpenCents).SingleAsync());

    /// <summary>Row counts of everything an import writes, to prove that a failed import booked nothing.</summary>
    public static Task<(int Imports, int Statements, int Transactions, int Payments)> BookedCountsAsync(this TestLedger ledger) =>
        ledger.QueryAsync(async db => (
            await db.BankImports.CountAsync(),
            await db.BankStatements.CountAsync(),
            await db.BankTransactions.CountAsync(),
            await db.Payments.CountAsync()));

    public static void SkipWithoutPostgres(DatabaseProvider provider) =>
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
}
