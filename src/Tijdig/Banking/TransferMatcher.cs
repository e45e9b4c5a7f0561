using System.Text.RegularExpressions;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>An incoming transfer matched to a debtor and the invoices it settles, in booking order, with the rule that matched.</summary>
public sealed record TransferMatch(long DebtorId, IReadOnlyList<Invoice> Invoices, string Rule);

/// <summary>
/// Matches an incoming transfer, strongest evidence first: the structured payment reference, the
/// end-to-end id, an invoice number in the description (tolerant of spaces, prefixes and case), the
/// debtor number (booked oldest first, partial allowed), and finally a known counterparty IBAN with an
/// amount that settles one or more open invoices exactly. Works on a <see cref="ReconciliationIndex"/>
/// only, so a bulk import does no query per entry.
/// </summary>
public static partial class TransferMatcher
{
    public static TransferMatch? Match(ReconciliationIndex index, EntryTransaction tx, string? remittance, long cents)
    {
        var text = remittance ?? tx.RemittanceUnstructured ?? "";

        foreach (var reference in StructuredReferenceCandidates(tx.RemittanceStructured, text))
        {
            if (index.InvoiceByReference(reference) is { } invoice)
            {
                return Settle(index, invoice.DebtorId, [invoice], cents, "structured-reference");
            }
        }

        if (tx.EndToEndId is { } endToEndId)
        {
            var invoice = index.InvoiceByNumber(endToEndId);
            if (invoice is null && index.CollectionByEndToEndId(endToEndId) is { } collection)
            {
                invoice = index.InvoiceById(collection.InvoiceId);
            }

            if (invoice is not null)
            {
                return Settle(index, invoice.DebtorId, [invoice], cents, "end-to-end-id");
            }
        }

        var tokens = Tokens(text);
        var named = tokens.Select(index.InvoiceByNumber).OfType<Invoice>().Distinct().ToList();
        if (named.Count > 0 && named.Select(i => i.DebtorId).Distinct().Count() == 1)
        {
            var ordered = named.OrderBy(i => i.DueDate).ThenBy(i => i.Id).ToList();
            return Settle(index, ordered[0].DebtorId, ordered, cents, "invoice-number");
        }

        var debtor = tokens.Select(index.DebtorByNumber).OfType<Debtor>().FirstOrDefault();
        if (debtor is not null)
        {
            return SettleByAmount(index, debtor.Id, cents, "debtor-number", allowPartial: true);
        }

        if (tx.CounterpartyIban is { } iban)
        {
            var debtors = index.DebtorsByIban(Iban.Normalize(iban));
            if (debtors.Count == 1)
            {
                return SettleByAmount(index, debtors[0], cents, "iban-amount", allowPartial: false);
            }
        }

        return null;
    }

    /// <summary>
    /// Books on the named invoices first. A payment larger than those goes on to the debtor's other
    /// open invoices: an exact subset of them when one exists, else oldest first.
    /// </summary>
    private static TransferMatch Settle(ReconciliationIndex index, long debtorId, List<Invoice> named, long cents, string rule)
    {
        var namedOpen = named.Sum(i => i.OpenCents);
        if (cents <= namedOpen)
        {
            return new TransferMatch(debtorId, named, rule);
        }

        var others = index.OpenInvoices(debtorId).Where(o => !named.Contains(o)).ToList();
        var rest = PaymentBooking.ChooseInvoices(others, cents - namedOpen);
        return new TransferMatch(debtorId, [.. named, .. rest], rule);
    }

    private static TransferMatch? SettleByAmount(ReconciliationIndex index, long debtorId, long cents, string rule, bool allowPartial)
    {
        var open = index.OpenInvoices(debtorId);
        var chosen = PaymentBooking.ChooseInvoices(open, cents);
        var exact = chosen.Sum(i => i.OpenCents) == cents;
        if (!exact && !allowPartial)
        {
            return null;
        }

        return new TransferMatch(debtorId, chosen, exact ? rule + "-amount" : rule);
    }

    /// <summary>Valid 16-digit Dutch payment references in the structured field and in the text, spaces ignored.</summary>
    public static IEnumerable<string> StructuredReferenceCandidates(string? structured, string text)
    {
        if (structured is not null)
        {
            var digits = structured.Replace(" ", "", StringComparison.Ordinal);
            if (PaymentReference.IsValid(digits))
            {
                yield return digits;
            }
        }

        if (text.Length < 16)
        {
            yield break;
        }

        foreach (Match match in SixteenDigits().Matches(text.Replace(" ", "", StringComparison.Ordinal)))
        {
            if (PaymentReference.IsValid(match.Value))
            {
                yield return match.Value;
            }
        }
    }

    /// <summary>
    /// Words of the description that could be an invoice or debtor number, each also without a
    /// prefix such as "factuur" or "nr". At most 40, so a long description stays cheap.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var match in Word().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length).Trim(".,:;-/").ToString();
            if (word.Length < 3)
            {
                continue;
            }

            AddToken(tokens, word);
            var withoutPrefix = Prefix().Replace(word, "");
            if (withoutPrefix.Length >= 3 && withoutPrefix.Length != word.Length)
            {
                AddToken(tokens, withoutPrefix);
            }

            if (tokens.Count >= 40)
            {
                break;
            }
        }

        return tokens;
    }

    private static void AddToken(List<string> tokens, string token)
    {
        if (!tokens.Contains(token, StringComparer.OrdinalIgnoreCase))
        {
            tokens.Add(token);
        }
    }

    [GeneratedRegex(@"\d{16}")]
    private static partial Regex SixteenDigits();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-/.]{1,34}")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(factuurnummer|factuurnr|factuur|fact|invoice|inv|nr|debiteurnummer|debiteur|deb)[\-.:#]*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
