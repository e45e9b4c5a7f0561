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
/// dropped: what matches nothing is stored as unmatched for the work queue. Everything the matching
/// rules need is loaded up front into a <see cref="ReconciliationIndex"/>, so the number of queries
/// does not grow with the number of entries.
/// </summary>
public sealed class BankEntryProcessor(
    TijdigDbContext db,
    PaymentBooking booking,
    ReturnBooking returns,
    StatusReportProcessor statusReports,
    ReconciliationIndexLoader indexLoader)
{
    public async Task ProcessAsync(BankImport import, BankDocument document, BankImportReport report, CancellationToken ct)
    {
        var index = await indexLoader.LoadAsync(document, ct);
        var statements = await PlanStatementsAsync(document, ct);
        var knownKeys = await KnownKeysAsync(statements.Where(s => !s.Known).SelectMany(s => s.Units).Select(u => u.Key), ct);
        var run = new BankEntryRun(db, import, report, index, knownKeys);

        if (document.StatusReport is { } statusReport)
        {
            statusReports.Process(run, statusReport);
        }

        foreach (var statement in statements)
        {
            if (statement.Known)
            {
                report.KnownStatements++;
                run.SkipKnown(statement.Units.Count);
                continue;
            }

            report.NewStatements++;
            if (statement.Identity is not null)
            {
                RecordStatement(import, document, statement);
            }

            foreach (var unit in statement.Units)
            {
                ProcessUnit(run, unit);
            }
        }
    }

    private void RecordStatement(BankImport import, BankDocument document, PlannedStatement statement) =>
        db.BankStatements.Add(new BankStatementRecord
        {
            BankImportId = import.Id,
            IdentityKey = statement.Identity!,
            MessageKind = document.Kind.ToString(),
            AccountIban = statement.Statement.AccountIban,
            StatementId = statement.Statement.StatementId,
            ElectronicSequenceNumber = statement.Statement.ElectronicSequenceNumber,
            MessageId = document.MessageId,
            EntryCount = statement.Units.Count,
        });

    private sealed record PlannedStatement(BankStatement Statement, string? Identity, bool Known, List<EntryUnit> Units);

    /// <summary>
    /// Splits the statements into units and marks the ones imported before. MT940 statements get no
    /// identity, because their :20: reference and :28C: number are free-form fields that a bank need
    /// not keep unique across days. For MT940 only the entry keys decide what is new.
    /// </summary>
    private async Task<List<PlannedStatement>> PlanStatementsAsync(BankDocument document, CancellationToken ct)
    {
        var identities = document.Statements
            .Select(s => document.Kind == BankMessageKind.Mt940 ? null : EntryKeys.StatementIdentity(document.Kind, document.MessageId, s))
            .ToList();
        var candidates = identities.OfType<string>().ToList();
        var known = (await db.BankStatements.Where(s => candidates.Contains(s.IdentityKey)).Select(s => s.IdentityKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var planned = new List<PlannedStatement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Statements.Count; i++)
        {
            var identity = identities[i];
            var isKnown = identity is not null && (known.Contains(identity) || !seen.Add(identity));
            planned.Add(new PlannedStatement(document.Statements[i], identity, isKnown, EntryKeys.Units(document.Statements[i])));
        }

        return planned;
    }

    private async Task<HashSet<string>> KnownKeysAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(ReconciliationIndexLoader.ChunkSize))
        {
            var list = chunk.ToList();
            known.UnionWith(await db.BankTransactions.Where(t => list.Contains(t.EntryKey)).Select(t => t.EntryKey).ToListAsync(ct));
        }

        return known;
    }

    private void ProcessUnit(BankEntryRun run, EntryUnit unit)
    {
        var (entry, tx) = (unit.Entry, unit.Transaction);
        var cents = Money.ToCents(tx.Amount is { } amount && (unit.IsBatch || entry.Transactions.Count == 1) ? amount : entry.Amount);
        var direction = tx.Direction ?? entry.Direction;
        var signed = direction == CreditDebit.Credit ? cents : -cents;

        var row = run.NewRow(unit.Key, entry.BookingDate ?? entry.ValueDate, signed);
        if (row is null)
        {
            return;
        }

        // The ledger is in euros: an entry in another currency is stored for the record but never
        // booked, and it stays out of the euro totals.
        var foreign = !string.Equals(entry.Currency, "EUR", StringComparison.OrdinalIgnoreCase);
        if (foreign)
        {
            run.Report.ForeignCurrencyEntries++;
        }
        else if (signed > 0)
        {
            run.Report.CreditedCents += signed;
        }
        else
        {
            run.Report.DebitedCents -= signed;
        }

        row.EndToEndId = tx.EndToEndId;
        row.MandateId = tx.MandateId;
        row.RemittanceInformation = Truncate(tx.RemittanceUnstructured ?? (unit.IsBatch ? null : entry.AdditionalInformation), 500);
        row.StructuredReference = tx.RemittanceStructured;
        row.CounterpartyName = tx.CounterpartyName;
        row.CounterpartyIban = tx.CounterpartyIban;
        row.ReasonCode = tx.Return?.ReasonCode;

        var bookingDate = entry.BookingDate ?? entry.ValueDate ?? DateOnly.FromDateTime(run.Import.ImportedAt.Date);
        if (foreign)
        {
            run.MarkIgnored(row, "foreign-currency");
        }
        else if (entry.Reversal)
        {
            run.MarkIgnored(row, "bank-reversal");
        }
        else if (direction == CreditDebit.Debit && (tx.Return is not null || entry.Return is not null || IsUnpaidDirectDebit(entry)))
        {
            ProcessReturn(run, row, tx.Return ?? entry.Return, cents, bookingDate);
        }
        else if (direction == CreditDebit.Credit && IsCollectionCredit(entry, tx))
        {
            ProcessCollectionCredit(run, row, tx, entry, cents, bookingDate);
        }
        else if (direction == CreditDebit.Credit)
        {
            ProcessTransfer(run, row, tx, cents, bookingDate);
        }
        else
        {
            run.MarkIgnored(row, null);
        }
    }

    /// <summary>A debit that returns a collection: by end-to-end id, else mandate + amount + the latest collection date on or before the booking date.</summary>
    private void ProcessReturn(BankEntryRun run, BankTransaction row, ReturnInformation? returnInformation, long cents, DateOnly bookingDate)
    {
        var reason = returnInformation?.ReasonCode ?? "NARR";
        row.ReasonCode = reason;

        var collection = row.EndToEndId is null ? null : run.Index.CollectionByEndToEndId(row.EndToEndId);
        var rule = "end-to-end-id";
        if (collection is null && row.MandateId is not null)
        {
            collection = run.Index.CollectionsByMandate(row.MandateId)
                .Where(c => c.AmountCents == cents && c.CollectionDate <= bookingDate)
                .OrderByDescending(c => c.CollectionDate)
                .FirstOrDefault();
            rule = "mandate-amount-date";
        }

        if (collection is null)
        {
            run.MarkUnmatched(row);
            return;
        }

        returns.Record(collection, CollectionStatus.Returned, reason, bookingDate, row.EntryKey, run.Index);
        row.Outcome = MatchOutcome.Return;
        row.MatchRule = rule;
        row.DebtorId = collection.DebtorId;
        run.Report.CountReturn(reason);
    }

    /// <summary>A direct-debit credit settles the collection named by its end-to-end id, or a whole batch by payment-information id when the sum agrees.</summary>
    private void ProcessCollectionCredit(BankEntryRun run, BankTransaction row, EntryTransaction tx, BankEntry entry, long cents, DateOnly bookingDate)
    {
        var collections = new List<DirectDebitCollection>();
        var rule = "end-to-end-id";
        if (tx.EndToEndId is not null && run.Index.CollectionByEndToEndId(tx.EndToEndId) is { } single)
        {
            collections.Add(single);
        }
        else if (tx.EndToEndId is null && tx.PaymentInformationId is not null)
        {
            var batch = run.Index.CollectionsByPaymentInformationId(tx.PaymentInformationId)
                .Where(c => c.Status == CollectionStatus.Submitted)
                .ToList();
            if (batch.Count > 0 && batch.Sum(c => c.AmountCents) == Money.ToCents(entry.Amount))
            {
                collections.AddRange(batch);
                rule = "payment-information-id";
            }
        }

        if (collections.Count == 0)
        {
            ProcessTransfer(run, row, tx, cents, bookingDate);
            return;
        }

        foreach (var collection in collections.Where(c => c.Status == CollectionStatus.Submitted))
        {
            collection.Status = CollectionStatus.Settled;
            var invoice = run.Index.InvoiceById(collection.InvoiceId)
                ?? throw new InvalidOperationException($"Invoice {collection.InvoiceId} of collection {collection.EndToEndId} was not loaded.");
            booking.Book(PaymentSource.DirectDebit, row.EntryKey + ":" + collection.EndToEndId, collection.DebtorId, bookingDate, collection.AmountCents, [invoice], null);
        }

        row.Outcome = MatchOutcome.CollectionSettled;
        row.MatchRule = rule;
        row.DebtorId = collections[0].DebtorId;
        run.Report.CountMatch(rule);
    }

    private void ProcessTransfer(BankEntryRun run, BankTransaction row, EntryTransaction tx, long cents, DateOnly bookingDate)
    {
        var match = TransferMatcher.Match(run.Index, tx, row.RemittanceInformation, cents);
        if (match is null)
        {
            run.MarkUnmatched(row);
            return;
        }

        var payment = booking.Book(PaymentSource.BankTransfer, row.EntryKey, match.DebtorId, bookingDate, cents, match.Invoices, tx.CounterpartyName);
        row.Outcome = MatchOutcome.Matched;
        row.MatchRule = match.Rule;
        row.DebtorId = match.DebtorId;
        run.Report.CountMatch(match.Rule);
        run.Report.CountAllocation(payment, match.Invoices);
    }

    private static bool IsUnpaidDirectDebit(BankEntry entry) =>
        entry.TransactionCode is { Family: "IDDT" or "RDDT", SubFamily: "UPDD" or "PRDD" };

    private static bool IsCollectionCredit(BankEntry entry, EntryTransaction tx) =>
        entry.TransactionCode is { Family: "IDDT" } || tx.MandateId is not null;

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
