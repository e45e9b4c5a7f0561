using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Ledger;

/// <summary>
/// Imports invoices from the billing system's CSV export. Every row is checked before anything is
/// saved. An invoice number that is already in the ledger is skipped, so the same export can be
/// imported twice. Without a payment_reference column value, a structured payment reference
/// (betalingskenmerk) is generated.
/// </summary>
public sealed class ImportInvoices(TijdigDbContext db)
{
    public static readonly string[] RequiredColumns = ["invoice_number", "debtor_number", "issue_date", "due_date", "amount"];

    public static readonly string[] Columns =
        ["invoice_number", "debtor_number", "issue_date", "due_date", "amount", "payment_reference", "contract_number"];

    public async Task<ImportResult> RunAsync(TextReader csv, CancellationToken ct)
    {
        var table = CsvTable.Read(csv);
        var missing = table.MissingColumns(RequiredColumns);
        if (missing.Count > 0)
        {
            return new ImportResult(0, 0, [new ImportError(1, $"kolom ontbreekt: {string.Join(", ", missing)}. Verwacht: {string.Join(", ", Columns)}.")]);
        }

        var debtorNumbers = table.Rows.Select(r => r.Get("debtor_number")).Distinct().ToList();
        var debtors = await db.Debtors.Where(d => debtorNumbers.Contains(d.DebtorNumber)).ToDictionaryAsync(d => d.DebtorNumber, d => d.Id, ct);
        var invoiceNumbers = table.Rows.Select(r => r.Get("invoice_number")).ToList();
        var known = (await db.Invoices.Where(i => invoiceNumbers.Contains(i.InvoiceNumber)).Select(i => i.InvoiceNumber).ToListAsync(ct)).ToHashSet();
        var nextSequence = (await db.Invoices.MaxAsync(i => (long?)i.Id, ct) ?? 0) + 1;

        var errors = new List<ImportError>();
        var invoices = new List<Invoice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var row in table.Rows)
        {
            var invoice = Parse(row, debtors, errors);
            if (invoice is null)
            {
                continue;
            }

            if (!seen.Add(invoice.InvoiceNumber))
            {
                errors.Add(new ImportError(row.Line, $"factuurnummer {invoice.InvoiceNumber} staat meer dan eens in het bestand."));
                continue;
            }

            if (known.Contains(invoice.InvoiceNumber))
            {
                skipped++;
                continue;
            }

            if (invoice.PaymentReference.Length == 0)
            {
                invoice.PaymentReference = PaymentReference.Create(1_000_000_000 + nextSequence++);
            }

            invoices.Add(invoice);
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        db.Invoices.AddRange(invoices);
        await db.SaveChangesAsync(ct);
        return new ImportResult(invoices.Count, 0, []) { Skipped = skipped };
    }

    private static Invoice? Parse(CsvRow row, Dictionary<string, long> debtors, List<ImportError> errors)
    {
        var count = errors.Count;
        var number = row.Get("invoice_number");
        if (number.Length is 0 or > 35)
        {
            errors.Add(new ImportError(row.Line, "factuurnummer ontbreekt of is langer dan 35 tekens."));
        }

        var debtorNumber = row.Get("debtor_number");
        if (!debtors.TryGetValue(debtorNumber, out var debtorId))
        {
            errors.Add(new ImportError(row.Line, $"debiteurnummer '{debtorNumber}' is onbekend; importeer eerst de debiteuren."));
        }

        if (!CsvValues.TryParseDate(row.Get("issue_date"), out var issueDate))
        {
            errors.Add(new ImportError(row.Line, $"factuurdatum '{row.Get("issue_date")}' is ongeldig; gebruik JJJJ-MM-DD."));
        }

        if (!CsvValues.TryParseDate(row.Get("due_date"), out var dueDate))
        {
            errors.Add(new ImportError(row.Line, $"vervaldatum '{row.Get("due_date")}' is ongeldig; gebruik JJJJ-MM-DD."));
        }
        else if (dueDate < issueDate)
        {
            errors.Add(new ImportError(row.Line, $"vervaldatum {row.Get("due_date")} ligt voor de factuurdatum."));
        }

        if (!CsvValues.TryParseCents(row.Get("amount"), out var cents))
        {
            errors.Add(new ImportError(row.Line, $"bedrag '{row.Get("amount")}' is ongeldig; gebruik bijvoorbeeld 123.45 (hoogstens twee decimalen)."));
        }
        else if (cents <= 0)
        {
            errors.Add(new ImportError(row.Line, $"bedrag '{row.Get("amount")}' moet groter dan nul zijn."));
        }

        var reference = row.GetOptional("payment_reference")?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (reference.Length > 0 && !PaymentReference.IsValid(reference))
        {
            errors.Add(new ImportError(row.Line, $"betalingskenmerk '{reference}' is ongeldig (16 cijfers met controlecijfer)."));
        }

        if (errors.Count > count)
        {
            return null;
        }

        return new Invoice
        {
            InvoiceNumber = number,
            DebtorId = debtorId,
            IssueDate = issueDate,
            DueDate = dueDate,
            AmountCents = cents,
            OpenCents = cents,
            PaymentReference = reference,
        };
    }
}
