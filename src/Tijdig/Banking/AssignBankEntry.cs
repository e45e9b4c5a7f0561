using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Ledger;
using Tijdig.Hosting;
using Tijdig.Payments;

namespace Tijdig.Banking;

/// <summary>Why an unmatched entry could not be assigned; the page maps each to a form error.</summary>
public enum AssignBankEntryError
{
    EntryNotFound,
    AlreadyResolved,
    NotACredit,
    DebtorNotFound,
    InvoiceNotFound,
    InvoiceOfOtherDebtor,
}

/// <summary>The outcome of an assignment: the booked payment, or the reason it was refused.</summary>
public sealed record AssignBankEntryResult(AssignBankEntryError? Error, long? PaymentId, long UnallocatedCents)
{
    public bool Success => Error is null;
}

/// <summary>
/// Books an unmatched incoming payment on a debtor chosen by a person: on the named invoice first,
/// then on the debtor's other open invoices (an exact subset when one exists, else oldest first).
/// What is left stays as a credit balance. Only credits can be assigned: a returned direct debit
/// that matched no collection needs the collection fixed, not a payment.
/// </summary>
public sealed class AssignBankEntry(TijdigDbContext db, PaymentBooking booking, BusinessCalendar calendar, ILogger<AssignBankEntry> logger)
{
    public async Task<AssignBankEntryResult> RunAsync(long entryId, string debtorNumber, string? invoiceNumber, CancellationToken ct)
    {
        var entry = await db.BankTransactions.FirstOrDefaultAsync(t => t.Id == entryId, ct);
        var debtor = await db.Debtors.FirstOrDefaultAsync(d => d.DebtorNumber == debtorNumber.Trim(), ct);
        var invoice = string.IsNullOrWhiteSpace(invoiceNumber)
            ? null
            : await db.Invoices.FirstOrDefaultAsync(i => i.InvoiceNumber == invoiceNumber.Trim(), ct);

        if (entry is null)
        {
            return Fail(AssignBankEntryError.EntryNotFound);
        }

        if (entry.Outcome != MatchOutcome.Unmatched || entry.ResolvedOn is not null)
        {
            return Fail(AssignBankEntryError.AlreadyResolved);
        }

        if (entry.AmountCents <= 0)
        {
            return Fail(AssignBankEntryError.NotACredit);
        }

        if (debtor is null)
        {
            return Fail(AssignBankEntryError.DebtorNotFound);
        }

        if (!string.IsNullOrWhiteSpace(invoiceNumber) && invoice is null)
        {
            return Fail(AssignBankEntryError.InvoiceNotFound);
        }

        if (invoice is not null && invoice.DebtorId != debtor.Id)
        {
            return Fail(AssignBankEntryError.InvoiceOfOtherDebtor);
        }

        var open = await db.Invoices
            .Where(i => i.DebtorId == debtor.Id && i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id)
            .ToListAsync(ct);
        var invoices = Allocate(open, invoice, entry.AmountCents);
        var today = calendar.Today;
        var payment = booking.Book(PaymentSource.BankTransfer, entry.EntryKey, debtor.Id, entry.BookingDate ?? today, entry.AmountCents, invoices, entry.CounterpartyName);
        entry.Outcome = MatchOutcome.Matched;
        entry.MatchRule = "manual";
        entry.DebtorId = debtor.Id;
        entry.ResolvedOn = today;
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Assigned bank entry {EntryId} to debtor {DebtorId} as payment {PaymentId}", entry.Id, debtor.Id, payment.Id);
        return new AssignBankEntryResult(null, payment.Id, payment.UnallocatedCents);
    }

    private static List<Invoice> Allocate(List<Invoice> open, Invoice? named, long cents)
    {
        if (named is null)
        {
            return [.. PaymentBooking.ChooseInvoices(open, cents)];
        }

        var rest = open.Where(i => i.Id != named.Id).ToList();
        var restCents = cents - named.OpenCents;
        return restCents <= 0 ? [named] : [named, .. PaymentBooking.ChooseInvoices(rest, restCents)];
    }

    private static AssignBankEntryResult Fail(AssignBankEntryError error) => new(error, null, 0);
}
