using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Ledger;
using Tijdig.Hosting;
using Tijdig.Sepa.Calendar;
using Tijdig.Sepa.Writing;

namespace Tijdig.Banking;

public sealed record DirectDebitExport(string Path, string MessageId, int Count, long TotalCents, DateOnly CollectionDate);

/// <summary>
/// Writes a pain.008 batch for the direct-debit invoices due on or before a collection date that
/// have not been collected yet, and records each collection with the ids written in the file, so
/// that returns and settlements can be matched later. A returned invoice is collected again only
/// when the dunning engine planned a re-presentation (after AM04 or MS03) on or before that date.
/// </summary>
public sealed class ExportDirectDebits(
    TijdigDbContext db,
    IOptions<OrganisationSettings> organisation,
    DataDirectory dataDirectory,
    BusinessCalendar calendar,
    ILogger<ExportDirectDebits> logger)
{
    /// <summary>
    /// Returns the first collection date a file written on <paramref name="today"/> can still make.
    /// SEPA Core needs the file at the bank on D-1, one TARGET2 business day before the collection
    /// date. On a closing day the file reaches the bank on the next business day, which then counts as D-1.
    /// NOTE: this is the scheme minimum. Each bank adds its own cut-off time on D-1 or D-2, which is not checked here.
    /// </summary>
    public static DateOnly EarliestCollectionDate(DateOnly today) =>
        Target2Calendar.NextBusinessDay(Target2Calendar.AddBusinessDays(today, 0));

    public async Task<DirectDebitExport> RunAsync(DateOnly collectionDate, string? outputPath, Pain008Version version, CancellationToken ct)
    {
        if (collectionDate < calendar.Today)
        {
            throw new UsageException(string.Format(
                CultureInfo.InvariantCulture,
                "Collection date {0:yyyy-MM-dd} is in the past; the bank rejects it. Use a TARGET2 business day from {1:yyyy-MM-dd} on.",
                collectionDate,
                Target2Calendar.NextBusinessDay(calendar.Today)));
        }

        if (!Target2Calendar.IsBusinessDay(collectionDate))
        {
            throw new UsageException(string.Format(
                CultureInfo.InvariantCulture,
                "Collection date {0:yyyy-MM-dd} is not a TARGET2 business day; use {1:yyyy-MM-dd}.",
                collectionDate,
                Target2Calendar.NextBusinessDay(collectionDate)));
        }

        var earliest = EarliestCollectionDate(calendar.Today);
        if (collectionDate < earliest)
        {
            throw new UsageException(string.Format(
                CultureInfo.InvariantCulture,
                "Incassodatum {0:yyyy-MM-dd} is te vroeg: een SEPA-incasso moet minstens één TARGET2-werkdag vóór de incassodatum bij de bank zijn. De vroegst mogelijke incassodatum is {1:yyyy-MM-dd}. "
                    + "(Collection date {0:yyyy-MM-dd} is too early: a SEPA Core collection must reach the bank at least one TARGET2 business day before it. The earliest collection date is {1:yyyy-MM-dd}.)",
                collectionDate,
                earliest));
        }

        var invoices = await db.Invoices
            .Include(i => i.Debtor)
            .Where(i => i.OpenCents > 0 && i.DueDate <= collectionDate)
            .Where(i => i.Debtor!.PaymentMethod == PaymentMethod.DirectDebit)
            .Where(i => !db.Collections.Any(c => c.InvoiceId == i.Id)
                || (i.RepresentOn != null && i.RepresentOn <= collectionDate
                    && !db.Collections.Any(c => c.InvoiceId == i.Id && (c.Status == CollectionStatus.Submitted || c.Status == CollectionStatus.Settled))))
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.InvoiceNumber)
            .ToListAsync(ct);

        // A returned invoice the engine planned to present again gets the next attempt number, so its
        // end-to-end id differs from the earlier attempts' and a return can be matched to the right one.
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var attempts = await db.Collections
            .Where(c => invoiceIds.Contains(c.InvoiceId))
            .GroupBy(c => c.InvoiceId)
            .Select(g => new { InvoiceId = g.Key, Attempt = g.Max(c => c.Attempt) })
            .ToDictionaryAsync(x => x.InvoiceId, x => x.Attempt, ct);
        int NextAttempt(Invoice invoice) => attempts.GetValueOrDefault(invoice.Id) + 1;

        var settings = organisation.Value;
        var now = calendar.Now;
        var messageId = "TIJDIG-" + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var candidates = invoices.Select(invoice => new DirectDebitTransaction(
            EndToEndId: EndToEndId(invoice.InvoiceNumber, NextAttempt(invoice)),
            Amount: Money.ToEuros(invoice.OpenCents),
            CollectionDate: collectionDate,
            SequenceType: SequenceType.Recurring,
            MandateId: invoice.Debtor!.MandateId!,
            MandateSignatureDate: invoice.Debtor.MandateSignatureDate!.Value,
            DebtorName: invoice.Debtor.Name,
            DebtorIban: invoice.Debtor.Iban!,
            DebtorBic: invoice.Debtor.Bic,
            RemittanceInformation: $"Factuur {invoice.InvoiceNumber} kenmerk {invoice.PaymentReference}")).ToList();

        // One debtor's bad data (a BIC or mandate the bank would refuse) must not block everybody
        // else's collection: that invoice stays out of the batch and goes to the work queue.
        var transactions = new List<DirectDebitTransaction>();
        var kept = new List<Invoice>();
        for (var i = 0; i < invoices.Count; i++)
        {
            if (Refusal(candidates[i], settings, now, version) is { } problem)
            {
                AddWorkItem(invoices[i], collectionDate, problem);
                continue;
            }

            transactions.Add(candidates[i]);
            kept.Add(invoices[i]);
        }

        invoices = kept;
        Directory.CreateDirectory(dataDirectory.ExportsPath);
        var path = outputPath ?? Path.Combine(dataDirectory.ExportsPath, $"pain008-{collectionDate:yyyy-MM-dd}-{messageId}.xml");
        if (transactions.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return new DirectDebitExport(path, messageId, 0, 0, collectionDate);
        }

        // Written to a temporary file first, so a failure leaves no half-written batch at the path.
        var batch = new DirectDebitBatch(messageId, now, settings.CreditorName, settings.CreditorIban, settings.CreditorBic, settings.CreditorId, transactions);
        Pain008WriteResult written;
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            written = Pain008Writer.Write(file, batch, version);
        }

        File.Move(temporary, path, overwrite: true);

        var paymentInformationIds = written.PaymentInformation
            .SelectMany(p => p.EndToEndIds.Select(id => (id, p.PaymentInformationId)))
            .ToDictionary(pair => pair.id, pair => pair.PaymentInformationId, StringComparer.Ordinal);
        for (var i = 0; i < invoices.Count; i++)
        {
            db.Collections.Add(new DirectDebitCollection
            {
                InvoiceId = invoices[i].Id,
                DebtorId = invoices[i].DebtorId,
                Attempt = NextAttempt(invoices[i]),
                MessageId = messageId,
                PaymentInformationId = paymentInformationIds[transactions[i].EndToEndId],
                EndToEndId = transactions[i].EndToEndId,
                MandateId = transactions[i].MandateId,
                CollectionDate = collectionDate,
                AmountCents = invoices[i].OpenCents,
                Status = CollectionStatus.Submitted,
            });
        }

        foreach (var invoice in invoices)
        {
            invoice.RepresentOn = null;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Wrote direct-debit batch {MessageId} with {Count} collections for {CollectionDate}", messageId, invoices.Count, collectionDate);
        return new DirectDebitExport(path, messageId, invoices.Count, invoices.Sum(i => i.OpenCents), collectionDate);
    }

    /// <summary>
    /// The invoice number for the first attempt and "number-attempt" after that, reduced to the SEPA
    /// identifier set (no leading, trailing or double slash), so each collection attempt has its own id.
    /// </summary>
    public static string EndToEndId(string invoiceNumber, int attempt)
    {
        var builder = new StringBuilder();
        foreach (var c in invoiceNumber)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }

        var id = builder.ToString().Trim('-');
        if (attempt > 1)
        {
            id += "-" + attempt.ToString(CultureInfo.InvariantCulture);
        }

        return id.Length <= 35 ? id : id[^35..];
    }

    /// <summary>Returns why the bank would refuse this one collection, or null when it can go in the batch.</summary>
    private static string? Refusal(DirectDebitTransaction transaction, OrganisationSettings settings, DateTimeOffset now, Pain008Version version)
    {
        try
        {
            var single = new DirectDebitBatch("CHECK", now, settings.CreditorName, settings.CreditorIban, settings.CreditorBic, settings.CreditorId, [transaction]);
            Pain008Writer.Write(Stream.Null, single, version);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    private void AddWorkItem(Invoice invoice, DateOnly collectionDate, string problem)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"collection-refused:{invoice.Id}:{collectionDate:yyyy-MM-dd}");
        if (db.WorkItems.Local.Any(w => w.Key == key) || db.WorkItems.Any(w => w.Key == key))
        {
            return;
        }

        db.WorkItems.Add(new WorkItem
        {
            Queue = "collections",
            DebtorId = invoice.DebtorId,
            Key = key,
            Description = $"Factuur {invoice.InvoiceNumber} is niet in het incassobestand gezet: {problem} Corrigeer de debiteur en exporteer opnieuw.",
            CreatedOn = collectionDate,
        });
        logger.LogWarning("Invoice {InvoiceId} left out of the direct-debit batch because the bank would refuse it", invoice.Id);
    }
}
