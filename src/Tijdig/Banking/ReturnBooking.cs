using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;

namespace Tijdig.Banking;

/// <summary>
/// Records a returned, rejected or refunded direct debit on its collection. A collection that had
/// been settled (a return after the settlement date, or an MD06 refund within eight weeks) reopens
/// its invoice and books the money going back, so the ledger shows the invoice open again.
/// </summary>
public sealed class ReturnBooking(TijdigDbContext db)
{
    public void Record(DirectDebitCollection collection, CollectionStatus status, string reasonCode, DateOnly returnedOn, string entryKey, ReconciliationIndex index)
    {
        var wasSettled = collection.Status == CollectionStatus.Settled;
        collection.Status = status;
        collection.ReasonCode = reasonCode;
        collection.ReturnedOn = returnedOn;

        // The dunning cycle acts on collections whose return it has not handled yet: clearing the
        // mark makes it send the friendly "your direct debit failed" message for this return.
        collection.HandledOn = null;

        if (!wasSettled)
        {
            return;
        }

        var invoice = index.InvoiceById(collection.InvoiceId) ?? db.Invoices.Single(i => i.Id == collection.InvoiceId);
        PaymentBooking.Reopen(invoice, collection.AmountCents);
        db.Payments.Add(new Payment
        {
            Source = PaymentSource.DirectDebit,
            ExternalReference = "return:" + entryKey,
            DebtorId = collection.DebtorId,
            BookingDate = returnedOn,
            AmountCents = -collection.AmountCents,
            Allocations = [new Allocation { InvoiceId = invoice.Id, AmountCents = -collection.AmountCents }],
        });
    }
}
