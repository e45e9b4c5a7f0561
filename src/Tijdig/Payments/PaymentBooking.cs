using Tijdig.Data;
using Tijdig.Domain.Ledger;

namespace Tijdig.Payments;

/// <summary>
/// Books money on invoices. Works on tracked entities and does not save: the caller's use case
/// saves everything it changed in one transaction.
/// </summary>
public sealed class PaymentBooking(TijdigDbContext db)
{
    /// <summary>
    /// Records a payment and allocates it to <paramref name="invoices"/> in the given order. What is
    /// left after the invoices are settled stays on the payment as a credit balance.
    /// </summary>
    public Payment Book(
        PaymentSource source,
        string externalReference,
        long? debtorId,
        DateOnly bookingDate,
        long amountCents,
        IEnumerable<Invoice> invoices,
        string? counterpartyName)
    {
        var payment = new Payment
        {
            Source = source,
            ExternalReference = externalReference,
            DebtorId = debtorId,
            BookingDate = bookingDate,
            AmountCents = amountCents,
            UnallocatedCents = amountCents,
            CounterpartyName = counterpartyName,
        };

        foreach (var invoice in invoices)
        {
            if (payment.UnallocatedCents <= 0)
            {
                break;
            }

            var share = Math.Min(payment.UnallocatedCents, invoice.OpenCents);
            if (share <= 0)
            {
                continue;
            }

            invoice.OpenCents -= share;
            if (invoice.OpenCents == 0)
            {
                invoice.PaidOn = bookingDate;
            }

            payment.UnallocatedCents -= share;
            payment.Allocations.Add(new Allocation { InvoiceId = invoice.Id, AmountCents = share });
        }

        db.Payments.Add(payment);
        return payment;
    }

    /// <summary>
    /// Reopens an invoice after a refund or a returned collection that had been booked as paid.
    /// Dunning restarts from the friendly start, not at the step reached before.
    /// </summary>
    public static void Reopen(Invoice invoice, long amountCents)
    {
        invoice.OpenCents = Math.Min(invoice.AmountCents, invoice.OpenCents + amountCents);
        invoice.PaidOn = null;
        invoice.DunningLevel = 0;
        invoice.LastChanceSentOn = null;
    }

    /// <summary>
    /// Picks the invoices one payment settles: a single invoice or a set of invoices whose open
    /// amounts add up exactly, else the oldest first.
    /// </summary>
    public static IReadOnlyList<Invoice> ChooseInvoices(IReadOnlyList<Invoice> openOldestFirst, long amountCents)
    {
        var exact = openOldestFirst.FirstOrDefault(i => i.OpenCents == amountCents);
        if (exact is not null)
        {
            return [exact];
        }

        // Subsets are searched only for a handful of invoices: 2^12 combinations at most.
        if (openOldestFirst.Count <= 12)
        {
            for (var mask = 1; mask < 1 << openOldestFirst.Count; mask++)
            {
                var subset = openOldestFirst.Where((_, index) => (mask & (1 << index)) != 0).ToList();
                if (subset.Sum(i => i.OpenCents) == amountCents)
                {
                    return subset;
                }
            }
        }

        return openOldestFirst;
    }
}
