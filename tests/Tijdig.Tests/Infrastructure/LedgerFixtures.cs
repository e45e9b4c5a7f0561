using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Ledger;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Tests.Infrastructure;

/// <summary>Small ledgers in the billing system's CSV format, built for the real bank files.</summary>
public static class LedgerFixtures
{
    public const string DebtorHeader = "debtor_number,name,email,mobile,iban,bic,mandate_id,mandate_date,payment_method,language,contract_number";

    public const string InvoiceHeader = "invoice_number,debtor_number,issue_date,due_date,amount,payment_reference";

    /// <summary>A valid Dutch IBAN for test account number <paramref name="account"/>.</summary>
    public static string Iban(long account) =>
        Sepa.Identifiers.Iban.Create("NL", "ABNA" + account.ToString("D10", CultureInfo.InvariantCulture)).Value;

    /// <summary>
    /// The four debtors of the rejected direct debits in oca-boi-pain002v03-dd-rejects.xml
    /// (mandates MANDATEID1..4) and their invoices, numbered after the file's end-to-end ids
    /// E2EID1..4 and due on <paramref name="dueDate"/>.
    /// </summary>
    public static (string Debtors, string Invoices) Pain002Ledger(DateOnly dueDate)
    {
        var debtors = new StringBuilder(DebtorHeader).AppendLine();
        var invoices = new StringBuilder(InvoiceHeader).AppendLine();
        for (var i = 1; i <= 4; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            debtors.AppendLine(CultureInfo.InvariantCulture, $"DEB{n},Debtor {n},debtor{n}@example.nl,0612345{n}00,{Iban(4_000_000 + i)},,MANDATEID{n},2016-01-0{n},DirectDebit,nl,C{n}");
            invoices.AppendLine(CultureInfo.InvariantCulture, $"E2EID{n},DEB{n},{dueDate.AddDays(-14):yyyy-MM-dd},{dueDate:yyyy-MM-dd},100.00,");
        }

        return (debtors.ToString(), invoices.ToString());
    }

    public static Task<ImportResult> ImportDebtorsAsync(this IServiceProvider services, string csv) =>
        services.GetRequiredService<ImportDebtors>().RunAsync(new StringReader(csv), CancellationToken.None);

    public static Task<ImportResult> ImportInvoicesAsync(this IServiceProvider services, string csv) =>
        services.GetRequiredService<ImportInvoices>().RunAsync(new StringReader(csv), CancellationToken.None);

    public static async Task<BankImportReport> ImportBankFileAsync(this IServiceProvider services, string path, bool dryRun = false)
    {
        await using var file = File.OpenRead(path);
        return await services.GetRequiredService<ImportBankFile>().RunAsync(path, file, dryRun, CancellationToken.None);
    }
}
