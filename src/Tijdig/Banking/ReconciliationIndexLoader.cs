using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>
/// Loads the <see cref="ReconciliationIndex"/> for one bank document: every key the matcher could
/// look up (references, words of the descriptions, IBANs, end-to-end, mandate, batch and message
/// ids) is collected first, then fetched with a few IN queries of at most <see cref="ChunkSize"/>
/// values each, plus the open invoices of every debtor found. The number of queries grows with the
/// file in steps of 500 keys, not with one query per entry.
/// </summary>
public sealed class ReconciliationIndexLoader(TijdigDbContext db)
{
    /// <summary>Values per IN list; far below the parameter limits of SQLite (32766) and PostgreSQL (65535).</summary>
    public const int ChunkSize = 500;

    public Task<ReconciliationIndex> LoadAsync(BankDocument document, CancellationToken ct) =>
        LoadAsync(MatchKeys.From(document), ct);

    /// <summary>Loads what the given keys can match: one chunk of a streamed file, or a whole document.</summary>
    public async Task<ReconciliationIndex> LoadAsync(MatchKeys keys, CancellationToken ct)
    {

        var invoices = new List<Invoice>();
        await ChunkedAsync(keys.References, chunk => db.Invoices.Where(i => chunk.Contains(i.PaymentReference)), invoices, ct);
        await ChunkedAsync(keys.Words, chunk => db.Invoices.Where(i => chunk.Contains(i.InvoiceNumber)), invoices, ct);

        var collections = new List<DirectDebitCollection>();
        await ChunkedAsync(keys.EndToEndIds, chunk => db.Collections.Where(c => chunk.Contains(c.EndToEndId)), collections, ct);
        await ChunkedAsync(keys.MandateIds, chunk => db.Collections.Where(c => chunk.Contains(c.MandateId)), collections, ct);
        await ChunkedAsync(keys.PaymentInformationIds, chunk => db.Collections.Where(c => chunk.Contains(c.PaymentInformationId)), collections, ct);
        await ChunkedAsync(keys.MessageIds, chunk => db.Collections.Where(c => chunk.Contains(c.MessageId)), collections, ct);

        var debtors = new List<Debtor>();
        await ChunkedAsync(keys.Words, chunk => db.Debtors.Where(d => chunk.Contains(d.DebtorNumber)), debtors, ct);
        await ChunkedAsync(keys.Ibans, chunk => db.Debtors.Where(d => chunk.Contains(d.Iban!)), debtors, ct);

        // Invoices of the collections, and every open invoice of every debtor in play, for settling
        // more than the named invoice and for the subset search.
        var invoiceIds = collections.Select(c => c.InvoiceId).Distinct().ToList();
        await ChunkedAsync(invoiceIds, chunk => db.Invoices.Where(i => chunk.Contains(i.Id)), invoices, ct);
        var debtorIds = debtors.Select(d => d.Id).Concat(invoices.Select(i => i.DebtorId)).Distinct().ToList();
        await ChunkedAsync(debtorIds, chunk => db.Invoices.Where(i => chunk.Contains(i.DebtorId) && i.OpenCents > 0), invoices, ct);

        return ReconciliationIndex.Build(invoices, debtors, collections);
    }

    private static async Task ChunkedAsync<TKey, TEntity>(
        IReadOnlyCollection<TKey> keys,
        Func<List<TKey>, IQueryable<TEntity>> query,
        List<TEntity> into,
        CancellationToken ct)
    {
        foreach (var chunk in keys.Chunk(ChunkSize))
        {
            into.AddRange(await query([.. chunk]).ToListAsync(ct));
        }
    }
}

/// <summary>Every value of a bank document that a matching rule can look up.</summary>
public sealed class MatchKeys
{
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);

    /// <summary>Words of descriptions and end-to-end ids, as written and in upper case: candidate invoice and debtor numbers.</summary>
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Ibans { get; } = new(StringComparer.Ordinal);

    public HashSet<string> EndToEndIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MandateIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PaymentInformationIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

    public static MatchKeys From(BankDocument document)
    {
        var keys = From(document.Statements.SelectMany(s => s.Entries));

        if (document.StatusReport is { } report)
        {
            keys.MessageIds.Add(report.OriginalMessageId);
            foreach (var batch in report.Batches)
            {
                AddIfSet(keys.PaymentInformationIds, batch.OriginalPaymentInformationId);
                foreach (var line in batch.Transactions)
                {
                    AddIfSet(keys.EndToEndIds, line.OriginalEndToEndId);
                    AddIfSet(keys.MandateIds, line.MandateId);
                }
            }
        }

        return keys;
    }

    public static MatchKeys From(IEnumerable<BankEntry> entries)
    {
        var keys = new MatchKeys();
        foreach (var entry in entries)
        {
            if (entry.Transactions.Count == 0)
            {
                keys.AddText(entry.AdditionalInformation);
            }

            foreach (var tx in entry.Transactions)
            {
                keys.Add(tx, entry.Transactions.Count == 1 ? entry.AdditionalInformation : null);
            }
        }

        return keys;
    }

    private void Add(EntryTransaction tx, string? entryText)
    {
        AddIfSet(EndToEndIds, tx.EndToEndId);
        AddIfSet(MandateIds, tx.MandateId);
        AddIfSet(PaymentInformationIds, tx.PaymentInformationId);
        AddIfSet(MessageIds, tx.MessageId);
        if (tx.EndToEndId is { } endToEndId)
        {
            AddWord(endToEndId);
        }

        if (tx.CounterpartyIban is { } iban)
        {
            Ibans.Add(Iban.Normalize(iban));
        }

        var text = tx.RemittanceUnstructured ?? entryText ?? "";
        foreach (var reference in TransferMatcher.StructuredReferenceCandidates(tx.RemittanceStructured, text))
        {
            References.Add(reference);
        }

        AddText(text);
    }

    private void AddText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var reference in TransferMatcher.StructuredReferenceCandidates(null, text))
        {
            References.Add(reference);
        }

        foreach (var word in TransferMatcher.Tokens(text))
        {
            AddWord(word);
        }
    }

    private void AddWord(string word)
    {
        Words.Add(word);
        Words.Add(word.ToUpperInvariant());
    }

    private static void AddIfSet(HashSet<string> set, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set.Add(value);
        }
    }
}
