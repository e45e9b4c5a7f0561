using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Letters;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using Tijdig.Payments;

namespace Tijdig.Outbox;

public sealed record DispatchResult(int Sent, int Cancelled, int Failed, int Deferred);

/// <summary>
/// Sends each queued message at most once; a message whose outcome a crash lost goes to a person
/// instead of out again. Each message is checked again against the ledger, waits for the
/// contact window, gets its Tikkie and text, and is saved as Sending with its provider reference
/// before the provider is called. A row still in Sending after a crash is never sent blindly again:
/// <see cref="OutboxReconciler"/> decides from delivery reports. Transient failures are retried with
/// backoff; permanent ones go to the "messages" work queue, and an SMS falls back to e-mail.
/// </summary>
public sealed partial class OutboxDispatcher(
    TijdigDbContext db,
    PaymentRequestCreator paymentRequests,
    MessageComposer composer,
    ISmsGateway sms,
    IEmailSender email,
    LetterWriter letters,
    OutboxReconciler reconciler,
    MessageRetention retention,
    MessagingOptions messaging,
    IOptions<OutboxSettings> options,
    BusinessCalendar calendar,
    ILogger<OutboxDispatcher> logger)
{
    private OutboxSettings Settings => options.Value;

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        await reconciler.ReconcileAsync(ct);
        await paymentRequests.ReconcileUnknownOutcomesAsync(ct);
        await retention.EraseOldBodiesAsync(ct);

        var now = calendar.Now;
        var due = await db.Outbox
            .Where(m => m.Status == MessageStatus.Queued)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        int sent = 0, cancelled = 0, failed = 0, deferred = 0;

        // A fallback e-mail queued during this run is sent in the same run.
        // One message at a time, with about ten statements each: the daily cycle, the scheduler and the
        // arrangement paths use ParallelOutboxDispatcher instead.
        for (var i = 0; i < due.Count; i++)
        {
            var message = due[i];
            if (message.NextAttemptAt is { } next && next > now)
            {
                deferred++;
                continue;
            }

            var outcome = await DispatchOneAsync(message, due, ct);
            await db.SaveChangesAsync(ct);
            switch (outcome)
            {
                case MessageStatus.Sent:
                    sent++;
                    break;
                case MessageStatus.Cancelled:
                    cancelled++;
                    break;
                case MessageStatus.Failed:
                    failed++;
                    break;
                default:
                    deferred++;
                    break;
            }
        }

        return new DispatchResult(sent, cancelled, failed, deferred);
    }

    /// <summary>Sends one queued message now, such as the Tikkie a parent requested on the portal.</summary>
    public async Task<MessageStatus> DispatchMessageAsync(long messageId, CancellationToken ct)
    {
        var t = OutboxMetrics.Start();
        var message = await db.Outbox.FirstAsync(m => m.Id == messageId, ct);
        OutboxMetrics.Record("load", t);
        if (message.Status != MessageStatus.Queued)
        {
            return message.Status;
        }

        var status = await DispatchOneAsync(message, [message], ct);
        t = OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        OutboxMetrics.Record("sent-commit", t);
        return status;
    }

    private async Task<MessageStatus> DispatchOneAsync(OutboxMessage message, List<OutboxMessage> due, CancellationToken ct)
    {
        var t = OutboxMetrics.Start();
        var debtor = await db.Debtors.AsNoTracking().FirstAsync(d => d.Id == message.DebtorId, ct);
        var context = await composer.LoadAsync(message, ct);
        OutboxMetrics.Record("load", t);

        if (await CheckBeforeClaimAsync(message, debtor, context, due, ct) is { } settled)
        {
            return settled;
        }

        t = OutboxMetrics.Start();
        if (!await ClaimAsync(message, ct))
        {
            return message.Status;
        }

        OutboxMetrics.Record("claim", t);

        try
        {
            if (message.PaymentRequestId is { } requestId)
            {
                t = OutboxMetrics.Start();
                var request = await db.PaymentRequests.FirstAsync(r => r.Id == requestId, ct);
                OutboxMetrics.Record("load", t);
                switch (await paymentRequests.EnsureCreatedAsync(request, ct))
                {
                    case PaymentRequestLink.Expired:
                        return CancelExpired(message);
                    case PaymentRequestLink.Pending:
                        return WaitForTikkie(message);
                    case PaymentRequestLink.Ready:
                        break;
                }

                message.PaymentLink = request.Url;
            }
        }
        catch (Exception exception) when (PaymentRequestCreator.IsCallFailure(exception) && !ct.IsCancellationRequested)
        {
            OutboxLog.SendError(logger, exception, message.Id, exception.GetType().Name);
            return await RetryAsync(message, debtor, "De Tikkie kon niet worden aangemaakt: " + exception.GetType().Name, due, ct);
        }

        t = OutboxMetrics.Start();
        var rendered = await composer.RenderAsync(message, debtor, context, ct);
        OutboxMetrics.Record("render", t);
        message.Subject = rendered.Subject;
        message.Body = rendered.TextBody;

        if (message.Channel == MessageChannel.Letter)
        {
            await letters.WriteAsync(message, debtor, rendered, ct);
            return MarkSent(message, message.ProviderReference);
        }

        // Saved before the call: after a crash from here on, the reconciler finds the row in Sending
        // with the reference the provider stores for it.
        message.Status = MessageStatus.Sending;
        message.Attempts++;
        message.SendingStartedAt = calendar.Now;
        message.ProviderReference = message.Channel == MessageChannel.Sms ? CmSmsGateway.ToCmReference(message.ClientReference) : null;
        t = OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        OutboxMetrics.Record("sending-commit", t);

        t = OutboxMetrics.Start();
        var outcome = message.Channel == MessageChannel.Sms
            ? await sms.SendAsync(new SmsMessage(debtor.Mobile!, rendered.TextBody, message.ClientReference), ct)
            : await email.SendAsync(new EmailMessage(debtor.Email!, debtor.Name, rendered.Subject ?? "", rendered.TextBody, rendered.HtmlBody, message.ClientReference), ct);
        OutboxMetrics.Record("sms", t);

        return outcome switch
        {
            { Status: SendStatus.Sent } => MarkSent(message, outcome.ProviderReference ?? message.ProviderReference),
            { MayHaveBeenAccepted: true } => KeepSending(message, outcome),
            { Status: SendStatus.PermanentFailure } => await FailAsync(message, debtor, "rejected", outcome.Error ?? "Geweigerd door de provider.", due, ct),
            _ => await RetryAsync(message, debtor, outcome.Error ?? "Tijdelijke fout.", due, ct),
        };
    }

    /// <summary>
    /// The checks before a message is claimed: its reason still holds, the debtor has an address for
    /// the channel, and the contact window is open. Returns the message's new status when one fails.
    /// </summary>
    private async Task<MessageStatus?> CheckBeforeClaimAsync(OutboxMessage message, Debtor debtor, MessageContext context, List<OutboxMessage> due, CancellationToken ct)
    {
        if (MessageRecheck.ReasonGone(message, debtor, context.Invoices, calendar.Today) is { } gone)
        {
            message.Status = MessageStatus.Cancelled;
            message.LastError = gone;
            OutboxLog.Cancelled(logger, message.Id, gone);
            return message.Status;
        }

        if (MissingAddress(message, debtor) is { } missing)
        {
            return await FailAsync(message, debtor, "no-address", missing, due, ct);
        }

        if (QuietUntil(message.Channel) is { } allowedAt)
        {
            message.NextAttemptAt = allowedAt;
            OutboxLog.QuietHours(logger, message.Id, allowedAt);
            return message.Status;
        }

        return null;
    }

    /// <summary>
    /// Moves the row from Queued to Sending in one conditional update, before anything leaves Tijdig
    /// (a Tikkie, a letter, a message). When the scheduler in serve and a CLI cycle dispatch at the
    /// same moment, only the one whose update hits the row goes on.
    /// </summary>
    private async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken ct)
    {
        var claimed = await db.Outbox
            .Where(m => m.Id == message.Id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(update => update.SetProperty(m => m.Status, MessageStatus.Sending), ct);
        if (claimed == 0)
        {
            await db.Entry(message).ReloadAsync(ct);
            return false;
        }

        // The tracker must know the row is Sending now, so that a later change back to Queued is saved.
        db.Entry(message).Property(m => m.Status).OriginalValue = MessageStatus.Sending;
        message.Status = MessageStatus.Sending;
        return true;
    }

    // An expired link is never sent again; the next dunning step makes a new request.
    private static MessageStatus CancelExpired(OutboxMessage message)
    {
        message.Status = MessageStatus.Cancelled;
        message.LastError = "Betaalverzoek verlopen voor verzending.";
        return message.Status;
    }

    // An earlier create call may still be on its way; the message waits without using up an attempt.
    private MessageStatus WaitForTikkie(OutboxMessage message)
    {
        message.Status = MessageStatus.Queued;
        message.NextAttemptAt = calendar.Now + Settings.Backoff(1);
        message.LastError = "De Tikkie wordt nog aangemaakt; later opnieuw.";
        return message.Status;
    }

    private MessageStatus MarkSent(OutboxMessage message, string? providerReference)
    {
        message.Status = MessageStatus.Sent;
        message.SentAt = calendar.Now;
        message.ProviderReference = providerReference;
        message.NextAttemptAt = null;
        message.LastError = null;
        OutboxLog.Sent(logger, message.Id, message.Channel.ToString());
        return message.Status;
    }

    // The provider may have the message; the reconciler settles it from a delivery report or a person.
    private static MessageStatus KeepSending(OutboxMessage message, SendOutcome outcome)
    {
        message.LastError = outcome.Error;
        return MessageStatus.Sending;
    }

    private async Task<MessageStatus> RetryAsync(OutboxMessage message, Debtor debtor, string error, List<OutboxMessage> due, CancellationToken ct)
    {
        message.LastError = error;
        message.Attempts = Math.Max(message.Attempts, 1);
        if (message.Attempts >= Settings.MaxAttempts)
        {
            OutboxLog.FailedPermanently(logger, message.Id, message.Attempts);
            return await FailAsync(message, debtor, "attempts", $"Na {message.Attempts} pogingen niet verstuurd: {error}", due, ct);
        }

        message.Status = MessageStatus.Queued;
        message.NextAttemptAt = calendar.Now + Settings.Backoff(message.Attempts);
        OutboxLog.Retrying(logger, message.Id, message.Attempts, message.NextAttemptAt.Value);
        return message.Status;
    }

    private async Task<MessageStatus> FailAsync(OutboxMessage message, Debtor debtor, string cause, string error, List<OutboxMessage> due, CancellationToken ct)
    {
        message.Status = MessageStatus.Failed;
        message.LastError = error;
        message.NextAttemptAt = null;

        var fallback = await OutboxFallback.QueueEmailAsync(db, Settings, message, debtor, calendar.Now, ct);
        if (fallback is not null)
        {
            await db.SaveChangesAsync(ct);
            due.Add(fallback);
            OutboxLog.FellBack(logger, message.Id, fallback.Id, fallback.Channel.ToString());
        }

        var description = fallback is null
            ? $"Bericht {message.Step} ({message.Channel}) is niet verstuurd: {error}"
            : $"Sms {message.Step} is niet verstuurd ({error}); er is een e-mail in de plaats gestuurd.";
        await OutboxWorkItems.AddAsync(db, message, cause, description, calendar.Today, ct);
        return message.Status;
    }

    private static string? MissingAddress(OutboxMessage message, Debtor debtor) => message.Channel switch
    {
        MessageChannel.Sms when string.IsNullOrEmpty(debtor.Mobile) => "Geen mobiel nummer bekend.",
        MessageChannel.Email when string.IsNullOrEmpty(debtor.Email) => "Geen e-mailadres bekend.",
        MessageChannel.Letter when string.IsNullOrEmpty(debtor.Street) || string.IsNullOrEmpty(debtor.Postcode) || string.IsNullOrEmpty(debtor.City) =>
            "Geen volledig postadres bekend (straat, postcode, plaats).",
        _ => null,
    };

    private DateTimeOffset? QuietUntil(MessageChannel channel)
    {
        var applies = channel switch
        {
            MessageChannel.Sms => Settings.SmsQuietHours,
            MessageChannel.Email => Settings.EmailQuietHours,
            _ => false,
        };
        var local = string.Equals(messaging.Mode, MessagingOptions.LocalMode, StringComparison.OrdinalIgnoreCase);
        if (!applies || (local && !Settings.QuietHoursInLocalMode))
        {
            return null;
        }

        var now = calendar.Now;
        var allowed = QuietHours.NextAllowedMoment(now, Settings.ExtraHolidays);
        return allowed == now ? null : allowed;
    }
}
