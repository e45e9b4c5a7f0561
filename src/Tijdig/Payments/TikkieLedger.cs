using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Payment = Tijdig.Domain.Ledger.Payment;
using Refund = Tijdig.Tikkie.Refund;
using TikkiePayment = Tijdig.Tikkie.Payment;

namespace Tijdig.Payments;

/// <summary>
/// Books what Tikkie reports on the ledger: payments on the invoices a request was made for, and
/// refunds against the credit or the invoices a payment settled. Works on tracked entities and does
/// not save; the caller saves in one transaction.
/// </summary>
public sealed class TikkieLedger(TijdigDbContext db, PaymentBooking booking, ILogger<TikkieLedger> logger)
{
    /// <summary>Prefix of <see cref="Payment.ExternalReference"/> for a refund, which is booked as a negative payment.</summary>
    public const string RefundReferencePrefix = "refund:";

    /// <summary>
    /// Books one Tikkie payment. The invoices the request names come first, then the debtor's other
    /// open invoices oldest first, which is all an open Tikkie has. What is left is a credit.
    /// Returns false when the payment token was booked before.
    /// </summary>
    public async Task<bool> BookPaymentAsync(PaymentRequestRecord record, TikkiePayment payment, CancellationToken ct)
    {
        if (await FindAsync(payment.PaymentToken, ct) is not null)
        {
            return false;
        }

        var named = record.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var open = await db.Invoices
            .Where(i => i.DebtorId == record.DebtorId && i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id)
            .ToListAsync(ct);
        var ordered = open.Where(i => named.Contains(i.InvoiceNumber)).Concat(open.Where(i => !named.Contains(i.InvoiceNumber)));

        var booked = booking.Book(PaymentSource.Tikkie, payment.PaymentToken, record.DebtorId, BusinessDate(payment.CreatedDateTime), payment.AmountInCents, ordered, payment.CounterPartyName);
        booked.PaymentRequestId = record.Id;

        record.PaidCents += payment.AmountInCents;

        // An open request keeps collecting until it expires; a fixed one is done once the amount is in.
        if (record.AmountCents is { } amount && record.PaidCents >= amount)
        {
            record.State = PaymentRequestState.Paid;
        }

        logger.LogInformation("Booked Tikkie payment on request {ReferenceId}", record.ReferenceId);
        return true;
    }

    /// <summary>
    /// Books an executed refund of a Tikkie payment as a negative payment. It first uses up the
    /// payment's credit; the rest reopens the invoices the payment settled, the last settled first.
    /// Returns false when the refund token was booked before.
    /// </summary>
    public async Task<bool> ApplyRefundAsync(PaymentRequestRecord record, string paymentToken, Refund refund, CancellationToken ct)
    {
        if (await FindAsync(RefundReferencePrefix + refund.RefundToken, ct) is not null)
        {
            return false;
        }

        var payment = await FindAsync(paymentToken, ct)
            ?? throw new InvalidOperationException($"Refund on request {record.ReferenceId} names payment {paymentToken}, which is not booked: book the payment first.");

        var fromCredit = Math.Min(refund.AmountInCents, payment.UnallocatedCents);
        payment.UnallocatedCents -= fromCredit;
        var rest = refund.AmountInCents - fromCredit;

        var negative = new Payment
        {
            Source = PaymentSource.Tikkie,
            ExternalReference = RefundReferencePrefix + refund.RefundToken,
            DebtorId = payment.DebtorId,
            BookingDate = BusinessDate(refund.CreatedDateTime),
            AmountCents = -refund.AmountInCents,
            UnallocatedCents = 0,
            CounterpartyName = payment.CounterpartyName,
            PaymentRequestId = payment.PaymentRequestId,
        };

        foreach (var allocation in payment.Allocations.Where(a => a.AmountCents > 0).OrderByDescending(a => a.Id).ToList())
        {
            if (rest <= 0)
            {
                break;
            }

            var alreadyReopened = -payment.Allocations.Where(a => a.InvoiceId == allocation.InvoiceId && a.AmountCents < 0).Sum(a => a.AmountCents);
            var share = Math.Min(rest, allocation.AmountCents - alreadyReopened);
            if (share <= 0)
            {
                continue;
            }

            var invoice = await db.Invoices.FirstAsync(i => i.Id == allocation.InvoiceId, ct);
            PaymentBooking.Reopen(invoice, share);
            negative.Allocations.Add(new Allocation { InvoiceId = invoice.Id, AmountCents = -share });
            rest -= share;
        }

        db.Payments.Add(negative);
        record.PaidCents = Math.Max(0, record.PaidCents - refund.AmountInCents);
        logger.LogInformation("Booked Tikkie refund on request {ReferenceId}; {FromCredit} cents from credit", record.ReferenceId, fromCredit);
        return true;
    }

    /// <summary>Finds a booked Tikkie payment, including one added in this unit of work.</summary>
    public async Task<Payment?> FindAsync(string externalReference, CancellationToken ct) =>
        db.Payments.Local.FirstOrDefault(p => p.Source == PaymentSource.Tikkie && p.ExternalReference == externalReference)
        ?? await db.Payments.Include(p => p.Allocations).FirstOrDefaultAsync(p => p.Source == PaymentSource.Tikkie && p.ExternalReference == externalReference, ct);

    private static DateOnly BusinessDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BusinessCalendar.Amsterdam).DateTime);
}
