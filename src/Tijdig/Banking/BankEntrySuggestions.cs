using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Banking;

/// <summary>A debtor (and possibly one invoice) that an unmatched entry may belong to, with the evidence that points there.</summary>
public sealed record BankSuggestion(
    string DebtorNumber,
    string DebtorName,
    string? InvoiceNumber,
    long OpenCents,
    int Score,
    IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks the debtors and invoices an unmatched bank entry may belong to, for the person who works
/// the queue. Each piece of evidence adds points. A word of the description that is an invoice or
/// debtor number adds 60, the counterparty IBAN of a known debtor 50, an open invoice of exactly the
/// amount 30, and the counterparty name matching a debtor's name 20. The reasons are codes that
/// the page shows as text ("invoice-number", "iban", "amount", "name").
/// </summary>
public sealed class BankEntrySuggestions(TijdigDbContext db)
{
    public const int MaxSuggestions = 5;

    /// <summary>Maximum open invoices of exactly the amount to consider, because a common amount is weak evidence of who paid.</summary>
    private const int AmountCandidates = 20;

    public async Task<IReadOnlyList<BankSuggestion>> ForAsync(BankTransaction entry, CancellationToken ct)
    {
        var candidates = new Dictionary<(long DebtorId, long? InvoiceId), Candidate>();
        void Add(long debtorId, long? invoiceId, int points, string reason)
        {
            if (!candidates.TryGetValue((debtorId, invoiceId), out var candidate))
            {
                candidates[(debtorId, invoiceId)] = candidate = new Candidate(debtorId, invoiceId);
            }

            if (!candidate.Reasons.Contains(reason))
            {
                candidate.Score += points;
                candidate.Reasons.Add(reason);
            }
        }

        var words = TransferMatcher.Tokens(entry.RemittanceInformation ?? "")
            .SelectMany(w => new[] { w, w.ToUpperInvariant() })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (words.Count > 0)
        {
            var named = await db.Invoices.AsNoTracking().Where(i => words.Contains(i.InvoiceNumber)).Select(i => new { i.Id, i.DebtorId }).ToListAsync(ct);
            named.ForEach(i => Add(i.DebtorId, i.Id, 60, "invoice-number"));
            var debtors = await db.Debtors.AsNoTracking().Where(d => words.Contains(d.DebtorNumber)).Select(d => d.Id).ToListAsync(ct);
            debtors.ForEach(id => Add(id, null, 60, "debtor-number"));
        }

        var byIban = new List<long>();
        if (entry.CounterpartyIban is { } iban)
        {
            var normalized = Iban.Normalize(iban);
            byIban = await db.Debtors.AsNoTracking().Where(d => d.Iban == normalized).Select(d => d.Id).ToListAsync(ct);
            byIban.ForEach(id => Add(id, null, 50, "iban"));
        }

        if (entry.AmountCents > 0)
        {
            var sameAmount = await db.Invoices.AsNoTracking()
                .Where(i => i.OpenCents == entry.AmountCents)
                .OrderBy(i => i.DueDate)
                .Take(AmountCandidates)
                .Select(i => new { i.Id, i.DebtorId })
                .ToListAsync(ct);
            foreach (var invoice in sameAmount)
            {
                // An exact amount from a known account is strong; from anyone else it is a hint.
                Add(invoice.DebtorId, invoice.Id, byIban.Contains(invoice.DebtorId) ? 50 + 30 : 30, "amount");
            }
        }

        await AddNameMatchesAsync(entry.CounterpartyName, candidates.Keys.Select(k => k.DebtorId).Distinct().ToList(), Add, ct);
        return await DescribeAsync(candidates.Values, ct);
    }

    private async Task AddNameMatchesAsync(string? counterpartyName, List<long> debtorIds, Action<long, long?, int, string> add, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(counterpartyName) || debtorIds.Count == 0)
        {
            return;
        }

        var names = await db.Debtors.AsNoTracking().Where(d => debtorIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var words = NameWords(counterpartyName);
        foreach (var debtor in names.Where(d => NameWords(d.Name).Overlaps(words)))
        {
            add(debtor.Id, null, 20, "name");
        }
    }

    private async Task<IReadOnlyList<BankSuggestion>> DescribeAsync(IEnumerable<Candidate> candidates, CancellationToken ct)
    {
        // Evidence for the debtor counts for each of the debtor's invoice candidates too.
        var list = candidates.ToList();
        foreach (var invoiceCandidate in list.Where(c => c.InvoiceId is not null))
        {
            var debtorCandidate = list.FirstOrDefault(c => c.DebtorId == invoiceCandidate.DebtorId && c.InvoiceId is null);
            if (debtorCandidate is not null)
            {
                invoiceCandidate.Score += debtorCandidate.Score;
                invoiceCandidate.Reasons.AddRange(debtorCandidate.Reasons.Except(invoiceCandidate.Reasons));
            }
        }

        var top = list.OrderByDescending(c => c.Score).ThenBy(c => c.DebtorId).ThenBy(c => c.InvoiceId).Take(MaxSuggestions).ToList();
        var debtorIds = top.Select(c => c.DebtorId).Distinct().ToList();
        var invoiceIds = top.Where(c => c.InvoiceId is not null).Select(c => c.InvoiceId!.Value).ToList();
        var debtors = await db.Debtors.AsNoTracking().Where(d => debtorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var open = await db.Invoices.AsNoTracking()
            .Where(i => debtorIds.Contains(i.DebtorId) && i.OpenCents > 0)
            .GroupBy(i => i.DebtorId)
            .Select(g => new { DebtorId = g.Key, Cents = g.Sum(i => i.OpenCents) })
            .ToDictionaryAsync(g => g.DebtorId, g => g.Cents, ct);

        return top.Select(c =>
        {
            var debtor = debtors[c.DebtorId];
            var invoice = c.InvoiceId is { } id ? invoices[id] : null;
            return new BankSuggestion(debtor.DebtorNumber, debtor.Name, invoice?.InvoiceNumber, invoice?.OpenCents ?? open.GetValueOrDefault(c.DebtorId), c.Score, c.Reasons);
        }).ToList();
    }

    private static HashSet<string> NameWords(string name) =>
        name.Split([' ', '.', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3)
            .Select(w => w.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

    private sealed class Candidate(long debtorId, long? invoiceId)
    {
        public long DebtorId { get; } = debtorId;

        public long? InvoiceId { get; } = invoiceId;

        public int Score { get; set; }

        public List<string> Reasons { get; } = [];
    }
}
