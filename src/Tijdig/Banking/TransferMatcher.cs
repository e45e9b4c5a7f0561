using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>An incoming transfer matched to a debtor and the invoices it settles, with the rule that matched.</summary>
public sealed record TransferMatch(long DebtorId, IReadOnlyList<Invoice> Invoices, string Rule);

/// <summary>
/// Matches an incoming transfer, strongest evidence first: the structured payment reference, the
/// end-to-end id, an invoice number in the description, the debtor number with the amount, and
/// finally a known counterparty IBAN with the amount.
/// </summary>
public sealed partial class TransferMatcher(TijdigDbContext db)
{
    public async Task<TransferMatch?> MatchAsync(EntryTransaction tx, string? remittance, long cents, CancellationToken ct)
    {
        var text = remittance ?? tx.RemittanceUnstructured ?? "";

        foreach (var reference in StructuredReferenceCandidates(tx.RemittanceStructured, text))
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.PaymentReference == reference, ct);
            if (invoice is not null)
            {
                return await SettleAsync(invoice.DebtorId, [invoice], cents, "structured-reference", ct);
            }
        }

        if (tx.EndToEndId is { } endToEndId)
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.InvoiceNumber == endToEndId, ct);
            if (invoice is null)
            {
                var collection = await db.Collections.FirstOrDefaultAsync(c => c.EndToEndId == endToEndId, ct);
                invoice = collection is null ? null : await db.Invoices.FirstOrDefaultAsync(i => i.Id == collection.InvoiceId, ct);
            }

            if (invoice is not null)
            {
                return await SettleAsync(invoice.DebtorId, [invoice], cents, "end-to-end-id", ct);
            }
        }

        var tokens = Tokens(text);
        if (tokens.Count > 0)
        {
            var invoices = await db.Invoices.Where(i => tokens.Contains(i.InvoiceNumber)).ToListAsync(ct);
            if (invoices.Count > 0 && invoices.Select(i => i.DebtorId).Distinct().Count() == 1)
            {
                return await SettleAsync(invoices[0].DebtorId, invoices.OrderBy(i => i.DueDate).ToList(), cents, "invoice-number", ct);
            }

            var debtor = await db.Debtors.FirstOrDefaultAsync(d => tokens.Contains(d.DebtorNumber), ct);
            if (debtor is not null)
            {
                return await SettleByAmountAsync(debtor.Id, cents, "debtor-number", allowPartial: true, ct);
            }
        }

        if (tx.CounterpartyIban is { } iban)
        {
            var normalised = Iban.Normalize(iban);
            var debtors = await db.Debtors.Where(d => d.Iban == normalised).Select(d => d.Id).ToListAsync(ct);
            if (debtors.Count == 1)
            {
                return await SettleByAmountAsync(debtors[0], cents, "iban-amount", allowPartial: false, ct);
            }
        }

        return null;
    }

    /// <summary>Books on the named invoices first; any rest goes to the debtor's other open invoices, oldest first.</summary>
    private async Task<TransferMatch> SettleAsync(long debtorId, List<Invoice> named, long cents, string rule, CancellationToken ct)
    {
        var namedOpen = named.Sum(i => i.OpenCents);
        if (cents <= namedOpen)
        {
            return new TransferMatch(debtorId, named, rule);
        }

        var others = await OpenInvoicesAsync(debtorId, ct);
        return new TransferMatch(debtorId, named.Concat(others.Where(o => named.All(n => n.Id != o.Id))).ToList(), rule);
    }

    private async Task<TransferMatch?> SettleByAmountAsync(long debtorId, long cents, string rule, bool allowPartial, CancellationToken ct)
    {
        var open = await OpenInvoicesAsync(debtorId, ct);
        var chosen = PaymentBooking.ChooseInvoices(open, cents);
        var exact = chosen.Sum(i => i.OpenCents) == cents;
        if (!exact && !allowPartial)
        {
            return null;
        }

        return new TransferMatch(debtorId, chosen, exact ? rule + "-amount" : rule);
    }

    private async Task<List<Invoice>> OpenInvoicesAsync(long debtorId, CancellationToken ct) =>
        await db.Invoices.Where(i => i.DebtorId == debtorId && i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id)
            .ToListAsync(ct);

    private static IEnumerable<string> StructuredReferenceCandidates(string? structured, string text)
    {
        if (structured is not null)
        {
            var digits = structured.Replace(" ", "", StringComparison.Ordinal);
            if (PaymentReference.IsValid(digits))
            {
                yield return digits;
            }
        }

        foreach (Match match in SixteenDigits().Matches(text.Replace(" ", "", StringComparison.Ordinal)))
        {
            if (PaymentReference.IsValid(match.Value))
            {
                yield return match.Value;
            }
        }
    }

    /// <summary>Words of the description that could be an invoice or debtor number, with prefixes such as "factuur" removed.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value.Trim('.', ',', ':', ';', '-', '/');
            if (word.Length < 3)
            {
                continue;
            }

            tokens.Add(word);
            tokens.Add(word.ToUpperInvariant());
            var withoutPrefix = Prefix().Replace(word, "");
            if (withoutPrefix.Length >= 3)
            {
                tokens.Add(withoutPrefix);
                tokens.Add(withoutPrefix.ToUpperInvariant());
            }
        }

        return tokens.Take(40).ToList();
    }

    [GeneratedRegex(@"\d{16}")]
    private static partial Regex SixteenDigits();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-/.]{1,34}")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(factuur|fact|inv|invoice|nr|deb|debiteur)[\-.:#]*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
