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
    /// <summary>Units booked per database round: a chunk is matched, saved, and let go before the next.</summary>
    public const int ChunkUnits = 2000;

    /// <summary>Books a document read whole: a pain.002, or a small statement file.</summary>
    public async Task ProcessAsync(BankImport import, BankDocument document, BankImportReport report, CancellationToken ct)
    {
        var index = await indexLoader.LoadAsync(document, ct);
        var scanned = document.Statements.Select(s => new ScannedStatement(s, 0)).ToList();
        var statements = await PlanStatementsAsync(import, document.Kind, document.MessageId, scanned, report, ct);
        var units = statements.Where(s => !s.Known).SelectMany(s => EntryKeys.Units(s.Statement)).ToList();
        var knownKeys = await KnownKeysAsync(units.Select(u => u.Key), ct);
        var run = new BankEntryRun(db, import, report, index, knownKeys);

        if (document.StatusReport is { } statusReport)
        {
            statusReports.Process(run, statusReport);
        }

        foreach (var unit in units)
        {
            ProcessUnit(run, unit);
        }
    }

    /// <summary>
    /// Books a statement file streamed a second time, after <paramref name="scan"/> read it whole
    /// without error. Units are booked in chunks of <see cref="ChunkUnits"/>; each chunk loads its
    /// own index, is saved, and the change tracker is cleared, so tracked entities do not grow with
    /// the file. Everything stays in the caller's transaction. Each chunk reads what earlier chunks
    /// saved: their entry keys (so a duplicate later in the file is skipped) and the invoices and
    /// collections they changed.
    /// </summary>
    public async Task ProcessStreamAsync(
        BankImport import,
        BankFileScan scan,
        IAsyncEnumerable<IReadOnlyList<StreamedEntry>> entries,
        BankImportReport report,
        CancellationToken ct)
    {
        var statements = await PlanStatementsAsync(import, scan.Kind, scan.MessageId, scan.Statements, report, ct);
        await SaveAndReleaseAsync(ct);

        var units = new List<EntryUnit>(ChunkUnits + 64);
        StatementUnits? keys = null;
        await foreach (var chunk in entries.WithCancellation(ct))
        {
            foreach (var (header, entry) in chunk)
            {
                var statement = statements[header.StatementIndex];
                if (statement.Known)
                {
                    continue;
                }

                if (!ReferenceEquals(keys?.Statement, statement.Statement))
                {
                    keys = new StatementUnits(statement.Statement);
                }

                keys.Add(entry, units);
                if (units.Count >= ChunkUnits)
                {
                    await BookChunkAsync(import, units, report, ct);
                    units.Clear();
                }
            }
        }

        await BookChunkAsync(import, units, report, ct);
    }

    private async Task BookChunkAsync(BankImport import, List<EntryUnit> units, BankImportReport report, CancellationToken ct)
    {
        if (units.Count == 0)
        {
            return;
        }

        var entries = units.Select(u => u.Entry).Distinct(ReferenceEqualityComparer.Instance).Cast<BankEntry>();
        var index = await indexLoader.LoadAsync(MatchKeys.From(entries), ct);
        var knownKeys = await KnownKeysAsync(units.Select(u => u.Key), ct);
        var run = new BankEntryRun(db, import, report, index, knownKeys);
        foreach (var unit in units)
        {
            ProcessUnit(run, unit);
        }

        await SaveAndReleaseAsync(ct);
    }

    private async Task SaveAndReleaseAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private sealed record PlannedStatement(BankStatement Statement, string? Identity, bool Known);

    /// <summary>
    /// Marks the statements imported before, counts their entries as known, and records the new
    /// ones. MT940 statements get no identity, because their :20: reference and :28C: number are
    /// free-form fields that a bank need not keep unique across days. For MT940 only the entry keys
    /// decide what is new. A scanned statement carries its unit count; a document's its entries.
    /// </summary>
    private async Task<List<PlannedStatement>> PlanStatementsAsync(
        BankImport import,
        BankMessageKind kind,
        string messageId,
        IReadOnlyList<ScannedStatement> statements,
        BankImportReport report,
        CancellationToken ct)
    {
        var identities = statements
            .Select(s => kind == BankMessageKind.Mt940 ? null : EntryKeys.StatementIdentity(kind, messageId, s.Statement))
            .ToList();
        var candidates = identities.OfType<string>().ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Chunk(ReconciliationIndexLoader.ChunkSize))
        {
            var list = chunk.ToList();
            known.UnionWith(await db.BankStatements.Where(s => list.Contains(s.IdentityKey)).Select(s => s.IdentityKey).ToListAsync(ct));
        }

        var planned = new List<PlannedStatement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            var (statement, scannedUnits) = statements[i];
            var unitCount = statement.Entries.Count > 0 ? statement.Entries.Sum(e => Math.Max(1, e.Transactions.Count)) : scannedUnits;
            var identity = identities[i];
            var isKnown = identity is not null && (known.Contains(identity) || !seen.Add(identity));
            planned.Add(new PlannedStatement(statement, identity, isKnown));
            if (isKnown)
            {
                report.KnownStatements++;
                report.Entries += unitCount;
                report.KnownEntries += unitCount;
                continue;
            }

            report.NewStatements++;
            if (identity is not null)
            {
                RecordStatement(import, kind, messageId, statement, identity, unitCount);
            }
        }

        return planned;
    }

    private void RecordStatement(BankImport import, BankMessageKind kind, string messageId, BankStatement statement, string identity, int unitCount) =>
        db.BankStatements.Add(new BankStatementRecord
        {
            BankImportId = import.Id,
            IdentityKey = identity,
            MessageKind = kind.ToString(),
            AccountIban = statement.AccountIban,
            StatementId = statement.StatementId,
            ElectronicSequenceNumber = statement.ElectronicSequenceNumber,
            MessageId = messageId,
            EntryCount = unitCount,
        });

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
