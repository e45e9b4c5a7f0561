using Microsoft.EntityFrameworkCore;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Ledger;

public sealed class CsvImportTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly string GoodDebtor =
        $"D1,Sanne de Vries,sanne@example.nl,06 12345678,{LedgerFixtures.Iban(1)},,MDT-1,2025-01-01,DirectDebit,nl,C1";

    [Theory]
    [InlineData("D2,Bram Bakker,,,NL00ABNA0000000001,,MDT-2,2025-01-01,DirectDebit,nl,", 3, "IBAN 'NL00ABNA0000000001' is ongeldig")]
    [InlineData("D2,Bram Bakker,,020 1234567,,,,,Transfer,nl,", 3, "mobiel nummer '020 1234567' is ongeldig")]
    [InlineData("D2,Bram Bakker,,,,,,,Cheque,nl,", 3, "betaalwijze 'Cheque' is ongeldig")]
    [InlineData("D2,Bram Bakker,,,NL91ABNA0417164300,,MDT-2,2025-13-01,DirectDebit,nl,", 3, "machtigingsdatum '2025-13-01' is ongeldig")]
    [InlineData("D2,Bram Bakker,,,,,,,DirectDebit,nl,", 3, "IBAN, machtigingskenmerk of machtigingsdatum ontbreekt")]
    [InlineData("D1,Bram Bakker,,,,,,,Transfer,nl,", 3, "debiteurnummer D1 staat meer dan eens")]
    [InlineData("D2,Bram Bakker,geen-adres,,,,,,Transfer,nl,", 3, "e-mailadres 'geen-adres' is ongeldig")]
    [InlineData("D2,Bram Bakker,,,,,,,Transfer,de,", 3, "taal 'de' wordt niet ondersteund")]
    [InlineData("D2,Bram Bakker,,,NL91ABNA0417164300,,MDT-2,2030-01-01,DirectDebit,nl,", 3, "machtigingsdatum '2030-01-01' ligt in de toekomst")]
    [InlineData("D2,Bram Bakker,,,NL91ABNA0417164300,XXXX,MDT-2,2025-01-01,DirectDebit,nl,", 3, "BIC 'XXXX' is ongeldig")]
    [InlineData("D2,Bram Bakker,,,NL91ABNA0417164300,,M 13/ü*,2025-01-01,DirectDebit,nl,", 3, "machtigingskenmerk 'M 13/ü*' is ongeldig voor SEPA")]
    [InlineData("D2,Bram Bakker,,,NL91ABNA0417164300,,MDT-1,2025-01-01,DirectDebit,nl,", 2, "machtigingskenmerk MDT-1 hoort bij meer dan één debiteur")]
    public async Task ImportDebtors_RejectsBadRowWithLineAndReason(string badRow, int line, string reason)
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        var csv = string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor, badRow);

        var result = await ledger.RunAsync(s => s.ImportDebtorsAsync(csv));

        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.QueryAsync(db => db.Debtors.CountAsync()));
    }

    [Fact]
    public async Task ImportDebtors_StoresNormalisedContactDetails()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        var csv = string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor);

        var result = await ledger.RunAsync(s => s.ImportDebtorsAsync(csv));

        Assert.True(result.Success);
        Assert.Equal(1, result.Imported);
        var debtor = await ledger.QueryAsync(db => db.Debtors.Include(d => d.Contracts).SingleAsync());
        Assert.Equal("+31612345678", debtor.Mobile);
        Assert.Equal("C1", Assert.Single(debtor.Contracts).ContractNumber);
    }

    [Fact]
    public async Task ImportDebtors_AcceptsSemicolonsAndUpdatesKnownDebtor()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync(s => s.ImportDebtorsAsync(string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor)));
        var semicolons = string.Join('\n', LedgerFixtures.DebtorHeader.Replace(',', ';'), "D1;Sanne Jansen;;;;;;;Transfer;en;");

        var result = await ledger.RunAsync(s => s.ImportDebtorsAsync(semicolons));

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Updated);
        var debtor = await ledger.QueryAsync(db => db.Debtors.SingleAsync());
        Assert.Equal("Sanne Jansen", debtor.Name);
        Assert.Equal("en", debtor.Language);
    }

    [Theory]
    [InlineData("F2,D9,2026-11-01,2026-11-15,100.00,", "debiteurnummer 'D9' is onbekend")]
    [InlineData("F2,D1,2026-11-01,2026-11-15,-12.50,", "bedrag '-12.50' moet groter dan nul zijn")]
    [InlineData("F2,D1,2026-11-01,2026-11-15,12.345,", "bedrag '12.345' is ongeldig")]
    [InlineData("F2,D1,2026-11-01,15/11/2026,100.00,", "vervaldatum '15/11/2026' is ongeldig")]
    [InlineData("F2,D1,2026-11-20,2026-11-15,100.00,", "vervaldatum 2026-11-15 ligt voor de factuurdatum")]
    [InlineData("F2,D1,2026-11-01,2026-11-15,100.00,1234567890123456", "betalingskenmerk '1234567890123456' is ongeldig")]
    [InlineData("F1,D1,2026-11-01,2026-11-15,100.00,", "factuurnummer F1 staat meer dan eens")]
    [InlineData("F2,D1,2026-11-01,2026-11-15,99999999999999999999,", "bedrag '99999999999999999999' is ongeldig")]
    public async Task ImportInvoices_RejectsBadRowWithLineAndReason(string badRow, string reason)
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync(s => s.ImportDebtorsAsync(string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor)));
        var csv = string.Join('\n', LedgerFixtures.InvoiceHeader, "F1,D1,2026-11-01,2026-11-15,100.00,", badRow);

        var result = await ledger.RunAsync(s => s.ImportInvoicesAsync(csv));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task ImportDebtors_KeepsColumnsTheFileLacks()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync(s => s.ImportDebtorsAsync(string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor)));
        var fewerColumns = "debtor_number,name,payment_method\nD1,Sanne de Vries,DirectDebit";

        var first = await ledger.RunAsync(s => s.ImportDebtorsAsync(fewerColumns));
        var again = await ledger.RunAsync(s => s.ImportDebtorsAsync(fewerColumns));

        Assert.True(first.Success, string.Join("; ", first.Errors));
        Assert.Equal(0, first.Updated);
        Assert.Equal(0, again.Updated);
        var debtor = await ledger.QueryAsync(db => db.Debtors.SingleAsync());
        Assert.Equal("+31612345678", debtor.Mobile);
        Assert.Equal("sanne@example.nl", debtor.Email);
    }

    [Fact]
    public async Task ImportInvoices_GeneratesReferencesAndSkipsKnownInvoices()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync(s => s.ImportDebtorsAsync(string.Join('\n', LedgerFixtures.DebtorHeader, GoodDebtor)));
        var csv = string.Join('\n', LedgerFixtures.InvoiceHeader, "F1,D1,2026-11-01,2026-11-15,\"1234,56\",", "F2,D1,2026-12-01,2026-12-15,99.5,");

        var first = await ledger.RunAsync(s => s.ImportInvoicesAsync(csv));
        var second = await ledger.RunAsync(s => s.ImportInvoicesAsync(csv));

        Assert.Equal(2, first.Imported);
        Assert.Equal(0, second.Imported);
        Assert.Equal(2, second.Skipped);
        var invoices = await ledger.QueryAsync(db => db.Invoices.OrderBy(i => i.InvoiceNumber).ToListAsync());
        Assert.Equal([123456, 9950], invoices.Select(i => i.AmountCents));
        Assert.All(invoices, i => Assert.True(Sepa.Identifiers.PaymentReference.IsValid(i.PaymentReference)));
        Assert.NotEqual(invoices[0].PaymentReference, invoices[1].PaymentReference);
    }

    [Fact]
    public async Task ImportInvoices_NamesMissingColumns()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var result = await ledger.RunAsync(s => s.ImportInvoicesAsync("invoice_number,amount\nF1,10.00"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("debtor_number, issue_date, due_date", error.Message, StringComparison.Ordinal);
    }
}
