using Tijdig.Data;
using Tijdig.Domain.Banking;

namespace Tijdig.Banking;

/// <summary>
/// The state of one import while its entries are booked: the index to match against, the entry keys
/// already in the ledger, and the report being filled. Every entry or status line passes through
/// <see cref="NewRow"/>, which stores it once and counts it as new or as seen before.
/// </summary>
public sealed class BankEntryRun(TijdigDbContext db, BankImport import, BankImportReport report, ReconciliationIndex index, IReadOnlySet<string> knownKeys)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public BankImport Import => import;

    public BankImportReport Report => report;

    public ReconciliationIndex Index => index;

    /// <summary>Adds a row for the entry, or returns null when its key was imported before (in this file or an earlier one).</summary>
    public BankTransaction? NewRow(string key, DateOnly? bookingDate, long signedCents)
    {
        report.Entries++;
        if (knownKeys.Contains(key) || !_seen.Add(key))
        {
            report.KnownEntries++;
            return null;
        }

        report.NewEntries++;
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

    public void MarkUnmatched(BankTransaction row)
    {
        row.Outcome = MatchOutcome.Unmatched;
        report.Unmatched++;
    }

    public void MarkIgnored(BankTransaction row, string? rule)
    {
        row.Outcome = MatchOutcome.Ignored;
        row.MatchRule = rule;
        report.Ignored++;
    }
}
