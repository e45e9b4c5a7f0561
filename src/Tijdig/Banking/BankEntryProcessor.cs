using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>
/// Turns the entries of one bank document into bookings. Each unit (a transaction detail, or the
/// entry itself when it has none) becomes one <see cref="BankTransaction"/> row, so nothing is
/// dropped: what matches nothing is stored as unmatched for the work queue.
/// </summary>
public sealed class BankEntryProcessor(TijdigDbContext db, PaymentBooking booking, TransferMatcher matcher)
{
    public async Task ProcessAsync(BankImport import, BankDocument document, BankImportReport report, CancellationToken ct)
    {
        if (document.StatusReport is { } statusReport)
        {
            await ProcessStatusReportAsync(import, statusReport, report, ct);
        }

        foreach (var statement in document.Statements)
        {
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in statement.Entries)
            {
                await ProcessEntryAsync(import, statement, entry, occurrences, report, ct);
            }
        }
    }

    private async Task ProcessStatusReportAsync(BankImport import, PaymentStatusReport statusReport, BankImportReport report, CancellationToken ct)
    {
        foreach (var batch in statusReport.Batches)
        {
            foreach (var line in batch.Transactions)
            {
                var status = line.Status ?? batch.Status ?? statusReport.GroupStatus;
                var reason = line.ReasonCode ?? batch.ReasonCode ?? "NARR";
                var key = $"pain002:{statusReport.OriginalMessageId}:{batch.OriginalPaymentInformationId}:{line.OriginalEndToEndId}:{status}";
                report.Entries++;
                if (!await IsNewAsync(key, report, ct))
                {
                    continue;
                }

                var row = NewRow(import, key, null, -(line.Amount is { } amount ? Money.ToCents(amount) : 0));
                row.EndToEndId = line.OriginalEndToEndId;
                row.MandateId = line.MandateId;
                row.ReasonCode = reason;
                row.CounterpartyName = line.DebtorName;
                row.CounterpartyIban = line.DebtorIban;

                if (status is not ("RJCT" or "PART"))
                {
                    row.Outcome = MatchOutcome.Ignored;
                    report.Ignored++;
                    continue;
                }

                var collection = line.OriginalEndToEndId is null
                    ? null
                    : await db.Collections.FirstOrDefaultAsync(c => c.EndToEndId == line.OriginalEndToEndId, ct);
                if (collection is null)
                {
                    MarkUnmatched(row, report);
                    continue;
                }

                await RecordReturnAsync(collection, CollectionStatus.Rejected, reason, import.ImportedAt, ct);
                row.Outcome = MatchOutcome.Return;
                row.MatchRule = "end-to-end-id";
                row.DebtorId = collection.DebtorId;
                report.CountReturn(reason);
            }
        }
    }

    private async Task ProcessEntryAsync(
        BankImport import,
        BankStatement statement,
        BankEntry entry,
        Dictionary<string, int> occurrences,
        BankImportReport report,
        CancellationToken ct)
    {
        var units = entry.Transactions.Count > 0 ? entry.Transactions : [EmptyTransaction];
        var isBatch = units.Count > 1;

        for (var index = 0; index < units.Count; index++)
        {
            var tx = units[index];
            var cents = Money.ToCents(tx.Amount is { } amount && (isBatch || entry.Transactions.Count == 1) ? amount : entry.Amount);
            var direction = tx.Direction ?? entry.Direction;
            var signed = direction == CreditDebit.Credit ? cents : -cents;
            var key = EntryKey(statement, entry, tx, index, occurrences);

            report.Entries++;
            if (!await IsNewAsync(key, report, ct))
            {
                continue;
            }

            if (signed > 0)
            {
                report.CreditedCents += signed;
            }
            else
            {
                report.DebitedCents -= signed;
            }

            var row = NewRow(import, key, entry.BookingDate ?? entry.ValueDate, signed);
            row.EndToEndId = tx.EndToEndId;
            row.MandateId = tx.MandateId;
            row.RemittanceInformation = Truncate(tx.RemittanceUnstructured ?? (isBatch ? null : entry.AdditionalInformation), 500);
            row.StructuredReference = tx.RemittanceStructured;
            row.CounterpartyName = tx.CounterpartyName;
            row.CounterpartyIban = tx.CounterpartyIban;
            row.ReasonCode = tx.Return?.ReasonCode;

            var bookingDate = entry.BookingDate ?? entry.ValueDate ?? DateOnly.FromDateTime(import.ImportedAt.Date);
            if (entry.Reversal)
            {
                row.Outcome = MatchOutcome.Ignored;
                row.MatchRule = "bank-reversal";
                report.Ignored++;
            }
            else if (direction == CreditDebit.Debit && (tx.Return is not null || IsUnpaidDirectDebit(entry)))
            {
                await ProcessReturnAsync(row, tx, cents, bookingDate, import, report, ct);
            }
            else if (direction == CreditDebit.Credit && IsCollectionCredit(entry, tx))
            {
                await ProcessCollectionCreditAsync(row, tx, entry, cents, bookingDate, report, ct);
            }
            else if (direction == CreditDebit.Credit)
            {
                await ProcessTransferAsync(row, tx, cents, bookingDate, report, ct);
            }
            else
            {
                row.Outcome = MatchOutcome.Ignored;
                report.Ignored++;
            }
        }
    }

    private async Task ProcessReturnAsync(
        BankTransaction row,
        EntryTransaction tx,
        long cents,
        DateOnly bookingDate,
        BankImport import,
        BankImportReport report,
        CancellationToken ct)
    {
        var reason = tx.Return?.ReasonCode ?? "NARR";
        row.ReasonCode = reason;

        var collection = tx.EndToEndId is null
            ? null
            : await db.Collections.FirstOrDefaultAsync(c => c.EndToEndId == tx.EndToEndId, ct);
        var rule = "end-to-end-id";
        if (collection is null && tx.MandateId is not null)
        {
            // Fallback: the same mandate and amount, the most recent collection on or before the booking date.
            collection = await db.Collections
                .Where(c => c.MandateId == tx.MandateId && c.AmountCents == cents && c.CollectionDate <= bookingDate)
                .OrderByDescending(c => c.CollectionDate)
                .FirstOrDefaultAsync(ct);
            rule = "mandate-amount-date";
        }

        if (collection is null)
        {
            MarkUnmatched(row, report);
            return;
        }

        await RecordReturnAsync(collection, CollectionStatus.Returned, reason, import.ImportedAt, ct, bookingDate, row.EntryKey);
        row.Outcome = MatchOutcome.Return;
        row.MatchRule = rule;
        row.DebtorId = collection.DebtorId;
        report.CountReturn(reason);
    }

    private async Task RecordReturnAsync(
        DirectDebitCollection collection,
        CollectionStatus status,
        string reason,
        DateTimeOffset importedAt,
        CancellationToken ct,
        DateOnly? bookingDate = null,
        string? entryKey = null)
    {
        var wasSettled = collection.Status == CollectionStatus.Settled;
        collection.Status = status;
        collection.ReasonCode = reason;
        collection.ReturnedOn = bookingDate ?? DateOnly.FromDateTime(importedAt.Date);
        collection.HandledOn = null;

        // A settled collection that comes back (a return after D, or an MD06 refund) reopens the invoice.
        if (wasSettled)
        {
            var invoice = await db.Invoices.FirstAsync(i => i.Id == collection.InvoiceId, ct);
            PaymentBooking.Reopen(invoice, collection.AmountCents);
            db.Payments.Add(new Payment
            {
                Source = PaymentSource.DirectDebit,
                ExternalReference = "return:" + (entryKey ?? collection.EndToEndId),
                DebtorId = collection.DebtorId,
                BookingDate = collection.ReturnedOn.Value,
                AmountCents = -collection.AmountCents,
                Allocations = [new Allocation { InvoiceId = invoice.Id, AmountCents = -collection.AmountCents }],
            });
        }
    }

    private async Task ProcessCollectionCreditAsync(
        BankTransaction row,
        EntryTransaction tx,
        BankEntry entry,
        long cents,
        DateOnly bookingDate,
        BankImportReport report,
        CancellationToken ct)
    {
        var collections = new List<DirectDebitCollection>();
        var rule = "end-to-end-id";
        if (tx.EndToEndId is not null)
        {
            collections.AddRange(await db.Collections.Where(c => c.EndToEndId == tx.EndToEndId).ToListAsync(ct));
        }
        else if (tx.PaymentInformationId is not null)
        {
            // A batch credit without details settles its whole payment-information block when the sum agrees.
            var batch = await db.Collections
                .Where(c => c.PaymentInformationId == tx.PaymentInformationId && c.Status == CollectionStatus.Submitted)
                .ToListAsync(ct);
            if (batch.Sum(c => c.AmountCents) == Money.ToCents(entry.Amount))
            {
                collections.AddRange(batch);
                rule = "payment-information-id";
            }
        }

        if (collections.Count == 0)
        {
            await ProcessTransferAsync(row, tx, cents, bookingDate, report, ct);
            return;
        }

        foreach (var collection in collections.Where(c => c.Status == CollectionStatus.Submitted))
        {
            collection.Status = CollectionStatus.Settled;
            var invoice = await db.Invoices.FirstAsync(i => i.Id == collection.InvoiceId, ct);
            booking.Book(PaymentSource.DirectDebit, row.EntryKey + ":" + collection.EndToEndId, collection.DebtorId, bookingDate, collection.AmountCents, [invoice], null);
        }

        row.Outcome = MatchOutcome.CollectionSettled;
        row.MatchRule = rule;
        row.DebtorId = collections[0].DebtorId;
        report.CountMatch(rule);
    }

    private async Task ProcessTransferAsync(BankTransaction row, EntryTransaction tx, long cents, DateOnly bookingDate, BankImportReport report, CancellationToken ct)
    {
        var match = await matcher.MatchAsync(tx, row.RemittanceInformation, cents, ct);
        if (match is null)
        {
            MarkUnmatched(row, report);
            return;
        }

        booking.Book(PaymentSource.BankTransfer, row.EntryKey, match.DebtorId, bookingDate, cents, match.Invoices, tx.CounterpartyName);
        row.Outcome = MatchOutcome.Matched;
        row.MatchRule = match.Rule;
        row.DebtorId = match.DebtorId;
        report.CountMatch(match.Rule);
    }

    private static void MarkUnmatched(BankTransaction row, BankImportReport report)
    {
        row.Outcome = MatchOutcome.Unmatched;
        report.Unmatched++;
    }

    private BankTransaction NewRow(BankImport import, string key, DateOnly? bookingDate, long signedCents)
    {
        var row = new BankTransaction
        {
            BankImportId = import.Id,
            EntryKey = key,
            BookingDate = bookingDate,
            AmountCents = signedCents,
        };
        db.BankTransactions.Add(row);
        return row;
    }

    private async Task<bool> IsNewAsync(string key, BankImportReport report, CancellationToken ct)
    {
        var known = db.BankTransactions.Local.Any(t => t.EntryKey == key)
            || await db.BankTransactions.AnyAsync(t => t.EntryKey == key, ct);
        if (known)
        {
            report.KnownEntries++;
            return false;
        }

        report.NewEntries++;
        return true;
    }

    private static bool IsUnpaidDirectDebit(BankEntry entry) =>
        entry.TransactionCode is { Family: "IDDT" or "RDDT", SubFamily: "UPDD" or "PRDD" };

    private static bool IsCollectionCredit(BankEntry entry, EntryTransaction tx) =>
        entry.TransactionCode is { Family: "IDDT" } || tx.MandateId is not null;

    /// <summary>
    /// The servicer reference identifies an entry across files. Without one, a hash of the entry's
    /// content, counted per occurrence, stands in: two identical entries on one statement stay two.
    /// </summary>
    private static string EntryKey(BankStatement statement, BankEntry entry, EntryTransaction tx, int index, Dictionary<string, int> occurrences)
    {
        var account = statement.AccountIban ?? "";
        var servicerReference = tx.AccountServicerReference ?? entry.AccountServicerReference;
        if (servicerReference is not null)
        {
            return Truncate($"ref:{account}:{servicerReference}:{index.ToString(CultureInfo.InvariantCulture)}", 200)!;
        }

        var content = string.Join(
            "|",
            account,
            entry.BookingDate?.ToString("O", CultureInfo.InvariantCulture),
            entry.SignedAmount.ToString(CultureInfo.InvariantCulture),
            tx.Amount?.ToString(CultureInfo.InvariantCulture),
            tx.EndToEndId,
            tx.MandateId,
            tx.RemittanceUnstructured,
            tx.RemittanceStructured,
            tx.CounterpartyIban,
            entry.AdditionalInformation,
            index.ToString(CultureInfo.InvariantCulture));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..32];
        var occurrence = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
        return $"hash:{hash}:{occurrence.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    private static readonly EntryTransaction EmptyTransaction =
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
