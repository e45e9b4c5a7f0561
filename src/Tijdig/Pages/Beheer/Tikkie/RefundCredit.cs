using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;
using Tijdig.Tikkie;
using Payment = Tijdig.Domain.Ledger.Payment;

namespace Tijdig.Pages.Beheer.Tikkie;

public enum RefundCreditFailure
{
    None,
    NoCredit,
    AmountInvalid,
    RejectedByTikkie,
}

public sealed record RefundCreditResult(RefundCreditFailure Failure, string? TikkieCode = null);

/// <summary>
/// Refunds the credit of an overpaid Tikkie payment through Tikkie's refund endpoint, to the account
/// the money came from. The refund is booked as a negative payment under its refund token, so the
/// REFUND notification that follows once Tikkie executes it books nothing twice.
/// </summary>
public sealed class RefundCredit(TijdigDbContext db, TikkieClient tikkie, Hosting.BusinessCalendar calendar, ILogger<RefundCredit> logger)
{
    /// <summary>Tikkie's limit for a refund description.</summary>
    private const int MaxDescriptionLength = 35;

    public async Task<RefundCreditResult> RunAsync(long paymentId, long amountCents, CancellationToken ct)
    {
        var payment = await db.Payments.Include(p => p.Allocations)
            .FirstOrDefaultAsync(p => p.Id == paymentId && p.Source == PaymentSource.Tikkie && p.UnallocatedCents > 0, ct);
        if (payment is null)
        {
            return new RefundCreditResult(RefundCreditFailure.NoCredit);
        }

        if (amountCents <= 0 || amountCents > payment.UnallocatedCents)
        {
            return new RefundCreditResult(RefundCreditFailure.AmountInvalid);
        }

        var record = await db.PaymentRequests.FirstOrDefaultAsync(r => r.Id == payment.PaymentRequestId, ct);
        if (record?.Token is null)
        {
            return new RefundCreditResult(RefundCreditFailure.NoCredit);
        }

        var description = Truncate("Terugbetaling tegoed " + record.ReferenceId);
        var referenceId = string.Create(CultureInfo.InvariantCulture, $"TJ-RF-{payment.Id}-{calendar.Now:yyyyMMddHHmmss}");
        Refund refund;
        try
        {
            refund = await tikkie.CreateRefundAsync(record.Token, payment.ExternalReference, new CreateRefund(description, amountCents, referenceId), ct);
        }
        catch (TikkieApiException exception)
        {
            logger.LogWarning("Tikkie rejected a credit refund on payment {PaymentId} with status {Status}", payment.Id, (int)exception.StatusCode);
            return new RefundCreditResult(RefundCreditFailure.RejectedByTikkie, exception.Errors.FirstOrDefault()?.Code ?? ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        // NOTE: a crash between the create call and this save leaves the credit unreduced until the
        // REFUND notification or a person books it; refunds have no list endpoint to reconcile with.
        payment.UnallocatedCents -= amountCents;
        db.Payments.Add(new Payment
        {
            Source = PaymentSource.Tikkie,
            ExternalReference = TikkieLedger.RefundReferencePrefix + refund.RefundToken,
            DebtorId = payment.DebtorId,
            BookingDate = calendar.Today,
            AmountCents = -amountCents,
            UnallocatedCents = 0,
            CounterpartyName = payment.CounterpartyName,
            PaymentRequestId = payment.PaymentRequestId,
        });
        record.PaidCents = Math.Max(0, record.PaidCents - amountCents);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Created a Tikkie refund of {Amount} cents on payment {PaymentId}", amountCents, payment.Id);
        return new RefundCreditResult(RefundCreditFailure.None);
    }

    private static string Truncate(string text) => text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];
}
