using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Dunning;
using Tijdig.Hosting;
using Tijdig.Messaging.Templates;
using MessageChannel = Tijdig.Domain.Messaging.MessageChannel;
using Tijdig.Outbox;

namespace Tijdig.Payments.Portal;

public enum PortalTikkieOutcome
{
    Sent,
    UnknownDebtor,
    NoMobileNumber,
    NothingOpen,
    AlreadySentToday,
    NotSent,
}

/// <summary>
/// Sends a Tikkie that a parent requested on the portal, by SMS to the mobile number on file and
/// never to a number typed in a form. A balance request asks exactly the open balance; an open
/// Tikkie lets the parent choose the amount, and its reference id ties every payment to the debtor.
/// One request of each kind per debtor per day: a second one the same day sends nothing.
/// </summary>
public sealed class RequestPortalTikkie(
    TijdigDbContext db,
    OutboxDispatcher dispatcher,
    DunningPolicy policy,
    BusinessCalendar calendar)
{
    public async Task<PortalTikkieOutcome> RunAsync(PortalTikkieRequest request, CancellationToken ct)
    {
        var number = request.DebtorNumber.Trim();
        var debtor = await db.Debtors.AsNoTracking().FirstOrDefaultAsync(d => d.DebtorNumber == number, ct);
        if (debtor is null)
        {
            return PortalTikkieOutcome.UnknownDebtor;
        }

        if (string.IsNullOrWhiteSpace(debtor.Mobile))
        {
            return PortalTikkieOutcome.NoMobileNumber;
        }

        var open = await db.Invoices.AsNoTracking()
            .Where(i => i.DebtorId == debtor.Id && i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id)
            .ToListAsync(ct);
        var balance = open.Sum(i => i.OpenCents);
        if (!request.OpenAmount && balance <= 0)
        {
            return PortalTikkieOutcome.NothingOpen;
        }

        var today = calendar.Today;
        var referenceId = ReferenceId(debtor.DebtorNumber, today, request.OpenAmount);
        if (await db.PaymentRequests.AnyAsync(r => r.ReferenceId == referenceId, ct))
        {
            return PortalTikkieOutcome.AlreadySentToday;
        }

        var invoiceNumbers = open.Select(i => i.InvoiceNumber).ToList();
        var record = new PaymentRequestRecord
        {
            DebtorId = debtor.Id,
            Purpose = PaymentRequestPurpose.BalanceRequest,
            ReferenceId = referenceId,
            Description = request.OpenAmount ? OpenDescription(debtor.DebtorNumber) : PaymentRequestReferences.Description(invoiceNumbers),
            AmountCents = request.OpenAmount ? null : balance,

            // An open Tikkie names no invoices, so its payments go to the oldest open invoices at the time they arrive.
            InvoiceNumbers = request.OpenAmount ? "" : string.Join(",", invoiceNumbers),
            ExpiryDate = today.AddDays(policy.ExpiryDaysFor(PaymentRequestPurpose.BalanceRequest)),
            State = PaymentRequestState.Intent,
            CreatedAt = calendar.Now,
        };
        db.PaymentRequests.Add(record);
        await db.SaveChangesAsync(ct);

        var message = new OutboxMessage
        {
            IdempotencyKey = "portal:" + referenceId,
            DebtorId = debtor.Id,
            Channel = MessageChannel.Sms,
            Step = MessageSteps.BalanceRequest,
            BusinessDate = today,
            AmountCents = balance,
            InvoiceNumbers = record.InvoiceNumbers,
            PaymentRequestId = record.Id,
            Status = MessageStatus.Queued,
            CreatedAt = calendar.Now,
            Reason = request.OpenAmount
                ? "Open Tikkie aangevraagd via het portaal."
                : "Tikkie voor het openstaande saldo aangevraagd via het portaal.",
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync(ct);

        var status = await dispatcher.DispatchMessageAsync(message.Id, ct);
        return status == MessageStatus.Sent ? PortalTikkieOutcome.Sent : PortalTikkieOutcome.NotSent;
    }

    /// <summary>
    /// Composes a reference id within Tikkie's 35 characters, unique per debtor, day and kind:
    /// "TJ-20260302-BR-100231" for a balance request, "TJ-20260302-OT-100231" for an open Tikkie.
    /// </summary>
    public static string ReferenceId(string debtorNumber, DateOnly date, bool openAmount)
    {
        // Create starts with the fixed-width "TJ-yyyyMMdd-" and a two-letter purpose code; "OT" replaces "BR".
        var reference = PaymentRequestReferences.Create(debtorNumber, date, PaymentRequestPurpose.BalanceRequest);
        return openAmount ? string.Concat(reference.AsSpan(0, 12), "OT", reference.AsSpan(14)) : reference;
    }

    private static string OpenDescription(string debtorNumber)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Betaling debiteur {debtorNumber}");
        return text.Length <= 35 ? text : text[..35];
    }
}
