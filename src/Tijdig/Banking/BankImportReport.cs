using Tijdig.Domain.Ledger;

namespace Tijdig.Banking;

/// <summary>What one bank-file import booked, or would book in a dry run.</summary>
public sealed class BankImportReport
{
    public string FileName { get; init; } = "";

    public string Kind { get; set; } = "";

    public string MessageId { get; set; } = "";

    public bool DryRun { get; init; }

    /// <summary>True when exactly this file was imported before; nothing was booked.</summary>
    public bool AlreadyImported { get; set; }

    public DateTimeOffset? PreviouslyImportedAt { get; set; }

    /// <summary>Statements in the file not imported before (camt only: MT940 statements are always counted new).</summary>
    public int NewStatements { get; set; }

    /// <summary>Statements recognised by account, statement id, sequence number and message id; their entries were not booked again.</summary>
    public int KnownStatements { get; set; }

    public int Entries { get; set; }

    public int NewEntries { get; set; }

    public int KnownEntries { get; set; }

    public int Unmatched { get; set; }

    public int Ignored { get; set; }

    public long CreditedCents { get; set; }

    /// <summary>Entries in a currency other than euro: stored, not booked, not in the totals.</summary>
    public int ForeignCurrencyEntries { get; set; }

    public long DebitedCents { get; set; }

    /// <summary>Transfers that left an invoice partly open.</summary>
    public int PartialPayments { get; set; }

    /// <summary>Transfers larger than what they settled; the rest is a credit balance on the debtor.</summary>
    public int Overpayments { get; set; }

    public long CreditBalanceCents { get; set; }

    public SortedDictionary<string, int> MatchedByRule { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ReturnsByReason { get; } = new(StringComparer.Ordinal);

    public void CountMatch(string rule) => MatchedByRule[rule] = MatchedByRule.GetValueOrDefault(rule) + 1;

    public void CountReturn(string reason) => ReturnsByReason[reason] = ReturnsByReason.GetValueOrDefault(reason) + 1;

    /// <summary>Counts a booked transfer as partial (an invoice it named stays open) or as an overpayment (money left unallocated).</summary>
    public void CountAllocation(Payment payment, IReadOnlyList<Invoice> invoices)
    {
        if (payment.UnallocatedCents > 0)
        {
            Overpayments++;
            CreditBalanceCents += payment.UnallocatedCents;
        }
        else if (invoices.Count > 0 && payment.Allocations.Count > 0 && invoices.Any(i => i.OpenCents > 0 && payment.Allocations.Any(a => a.InvoiceId == i.Id)))
        {
            PartialPayments++;
        }
    }
}

/// <summary>A bank file that could not be imported; nothing of it was booked.</summary>
public sealed class BankImportException(string message, string? code = null) : Exception(message)
{
    /// <summary>The reader's error code (<c>SepaMessages.*Code</c>), when the file itself was invalid.</summary>
    public string? Code { get; } = code;
}
